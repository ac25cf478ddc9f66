"""Seed the help page with questions and answers in English and Spanish.

Written in our own plain words from the facts of the public page the product is modelled
on. Staff edit them in admin afterwards; this migration only creates entries that do not
exist yet (by slug), so it never overwrites staff edits.
"""

from django.db import migrations

# (section, slug, question_en, answer_en, question_es, answer_es)
FAQ = [
    (
        "scheduling",
        "do-i-need-to-book",
        "Do I need to book a check-in appointment?",
        "Book one if:\n"
        "- your release papers do not give a date, a time and an office for your check-in, or\n"
        "- your papers give a date, but you cannot go that day.\n\n"
        "You do not need to book if:\n"
        "- your papers already give a date, a time and an office, and you can go. "
        "If you now live in another city, go to an office near you on that same day.\n"
        "- you have already been to a check-in. Do what the officer told you at that visit.\n"
        "- you only need to change your address. See \u201cChanging your address\u201d below.",
        "\u00bfTengo que hacer una cita para presentarme?",
        "Haga una cita si:\n"
        "- sus papeles de salida no dan una fecha, una hora y una oficina para presentarse, o\n"
        "- sus papeles dan una fecha, pero usted no puede ir ese d\u00eda.\n\n"
        "No necesita hacer una cita si:\n"
        "- sus papeles ya dan una fecha, una hora y una oficina, y usted puede ir. "
        "Si ahora vive en otra ciudad, vaya a una oficina cerca de usted ese mismo d\u00eda.\n"
        "- ya se present\u00f3 antes. Haga lo que le dijo el oficial en esa visita.\n"
        "- solo necesita cambiar su direcci\u00f3n. Vea \u201cCambiar su direcci\u00f3n\u201d m\u00e1s abajo.",
    ),
    (
        "scheduling",
        "how-to-book",
        "How do I book online?",
        "Have your release papers with you. Then:\n"
        "- choose your language;\n"
        "- type the Subject ID, choose the country of birth printed on your papers, "
        "and show that you are not a robot;\n"
        "- type your address, city, state or ZIP code and pick one of the three closest offices;\n"
        "- choose a time (the earliest is best), check the details and press Confirm;\n"
        "- keep the confirmation number: print it, send it to yourself or write it down;\n"
        "- press End Session when you finish.",
        "\u00bfC\u00f3mo hago una cita por internet?",
        "Tenga sus papeles de salida con usted. Despu\u00e9s:\n"
        "- elija su idioma;\n"
        "- escriba el Subject ID, elija el pa\u00eds de nacimiento que aparece en sus papeles "
        "y demuestre que no es un robot;\n"
        "- escriba su direcci\u00f3n, ciudad, estado o c\u00f3digo postal y elija una de las tres "
        "oficinas m\u00e1s cercanas;\n"
        "- elija una hora (lo mejor es la m\u00e1s pronta), revise los datos y oprima Confirmar;\n"
        "- guarde el n\u00famero de confirmaci\u00f3n: impr\u00edmalo, env\u00edeselo o an\u00f3telo;\n"
        "- oprima Terminar sesi\u00f3n cuando acabe.",
    ),
    (
        "scheduling",
        "later-than-my-papers",
        "The first free time is after the date on my papers. Is that a problem?",
        "No. Book the earliest time you can get. Booking it meets your release conditions, "
        "even if it is weeks or months after the date on your papers. In some places the "
        "first free time may be a year away.",
        "La primera hora libre es despu\u00e9s de la fecha de mis papeles. \u00bfEs un problema?",
        "No. Haga la cita en la hora m\u00e1s pronta que encuentre. Con esa cita cumple las "
        "condiciones de su salida, aunque sea semanas o meses despu\u00e9s de la fecha de sus "
        "papeles. En algunos lugares la primera hora libre puede ser dentro de un a\u00f1o.",
    ),
    (
        "scheduling",
        "after-parole-ends",
        "The first free time is after my parole ends. What should I do?",
        "Book the earliest time anyway. That meets your release conditions. At the "
        "appointment you can ask for more time on your parole.\n\n"
        "For other questions about your parole, a lawyer can help. The immigration court "
        "system (EOIR) keeps a list of free and low-cost legal services.",
        "La primera hora libre es despu\u00e9s de que termina mi permiso (parole). \u00bfQu\u00e9 hago?",
        "Haga la cita en la hora m\u00e1s pronta de todos modos. As\u00ed cumple las condiciones de su "
        "salida. En la cita puede pedir m\u00e1s tiempo de permiso.\n\n"
        "Para otras preguntas sobre su permiso, un abogado puede ayudarle. El sistema de "
        "cortes de inmigraci\u00f3n (EOIR) tiene una lista de servicios legales gratis o de bajo costo.",
    ),
    (
        "scheduling",
        "see-move-cancel",
        "How do I see, move or cancel my appointment?",
        "Sign in again with the Subject ID and the country of birth. Your check-in page "
        "shows your appointment, with buttons to move it to another day or to cancel it. "
        "Every change asks you to confirm before it is saved.",
        "\u00bfC\u00f3mo veo, cambio o cancelo mi cita?",
        "Entre otra vez con el Subject ID y el pa\u00eds de nacimiento. Su p\u00e1gina de cita "
        "muestra la cita, con botones para pasarla a otro d\u00eda o cancelarla. Cada cambio le "
        "pide que confirme antes de guardarlo.",
    ),
    (
        "scheduling",
        "other-time-same-day",
        "I cannot be there at my appointment time. Can I come at another time?",
        "Yes, on the same day. If you go to the same office on the same date, at another "
        "time while it is open, you still meet your release conditions. To change the date, "
        "move your appointment online.",
        "No puedo llegar a la hora de mi cita. \u00bfPuedo ir a otra hora?",
        "S\u00ed, el mismo d\u00eda. Si va a la misma oficina en la misma fecha, a otra hora en que "
        "est\u00e9 abierta, igual cumple las condiciones de su salida. Para cambiar la fecha, "
        "cambie su cita por internet.",
    ),
    (
        "scheduling",
        "no-call-needed",
        "Do I need to call or go to an office to book?",
        "No. You can book from a phone, a tablet or a computer. Please do not go to an "
        "office without an appointment.",
        "\u00bfTengo que llamar o ir a una oficina para hacer la cita?",
        "No. Puede hacer la cita desde un tel\u00e9fono, una tableta o una computadora. Por favor, "
        "no vaya a una oficina sin cita.",
    ),
    (
        "check_in",
        "where-are-my-details",
        "Where do I find the date and the office of my check-in?",
        "If a check-in was set when you were released, it is printed on your papers: on the "
        "Order of Release on Recognizance (Form I-220A) if you got a Notice to Appear, or on "
        "the Call-In Letter (Form G-56) in the other cases. Some papers have no date. "
        "If yours do not, book online.",
        "\u00bfD\u00f3nde encuentro la fecha y la oficina para presentarme?",
        "Si le dieron una cita al salir, est\u00e1 en sus papeles: en la Orden de Libertad bajo "
        "Palabra (Formulario I-220A) si recibi\u00f3 una Notificaci\u00f3n de Comparecencia, o en la "
        "Carta de Citaci\u00f3n (Formulario G-56) en los otros casos. Algunos papeles no tienen "
        "fecha. Si los suyos no la tienen, haga una cita por internet.",
    ),
    (
        "check_in",
        "walk-in",
        "Can I go to an office without an appointment?",
        "Please book first. Booking online meets your release conditions, even when the "
        "first free time is later than the time given on your papers.",
        "\u00bfPuedo ir a una oficina sin cita?",
        "Por favor, haga una cita primero. Hacer la cita por internet cumple las condiciones "
        "de su salida, aunque la primera hora libre sea despu\u00e9s de la fecha de sus papeles.",
    ),
    (
        "check_in",
        "proof-of-booking",
        "Can I show that I tried to meet my release conditions?",
        "Yes. After you book, print the appointment details, send them to your email or "
        "phone, or add them to your calendar. Keep them where you can find them easily.",
        "\u00bfPuedo demostrar que trat\u00e9 de cumplir las condiciones de mi salida?",
        "S\u00ed. Despu\u00e9s de hacer la cita, imprima los datos, env\u00edelos a su correo o a su "
        "tel\u00e9fono, o agr\u00e9guelos a su calendario. Gu\u00e1rdelos donde pueda encontrarlos f\u00e1cilmente.",
    ),
    (
        "check_in",
        "what-to-bring",
        "What should I bring to my check-in?",
        "Bring your release papers and your confirmation number. If you have a passport or "
        "another ID, bring it too.",
        "\u00bfQu\u00e9 debo llevar a mi cita?",
        "Lleve sus papeles de salida y su n\u00famero de confirmaci\u00f3n. Si tiene pasaporte u otra "
        "identificaci\u00f3n, ll\u00e9vela tambi\u00e9n.",
    ),
    (
        "check_in",
        "papers-kept",
        "An office kept my passport or other papers. Can I get them back?",
        "Ask at your check-in appointment. The officer will look at your request and decide "
        "whether they can be given back now or must be kept longer.",
        "Una oficina se qued\u00f3 con mi pasaporte u otros papeles. \u00bfPuedo recuperarlos?",
        "Pregunte en su cita. El oficial revisar\u00e1 su pedido y decidir\u00e1 si se los pueden "
        "devolver ahora o si deben guardarlos m\u00e1s tiempo.",
    ),
    (
        "address",
        "i-moved",
        "I moved. How do I tell ICE?",
        "Tell ICE within 5 days of moving. After you sign in you can send your new address "
        "on this website. You can also call the ICE help line at 1-833-383-1465, Monday to "
        "Friday, 8 a.m. to 8 p.m. Eastern Time.",
        "Me mud\u00e9. \u00bfC\u00f3mo le aviso a ICE?",
        "Av\u00edsele a ICE dentro de los 5 d\u00edas despu\u00e9s de mudarse. Despu\u00e9s de entrar, puede "
        "enviar su nueva direcci\u00f3n en este sitio. Tambi\u00e9n puede llamar a la l\u00ednea de ayuda "
        "de ICE al 1-833-383-1465, de lunes a viernes, de 8 a.m. a 8 p.m., hora del Este.",
    ),
    (
        "address",
        "other-agencies",
        "Which other offices need my new address?",
        "It depends on how you were released:\n"
        "- Notice to Appear (Form I-862): ICE and the immigration court (EOIR).\n"
        "- Expedited Removal (Form I-860): ICE and USCIS.\n"
        "- Parole with Alternatives to Detention: ICE, and USCIS too if you asked for a work permit.\n"
        "- Notice to Report (Form I-385): ICE.\n\n"
        "If you asked USCIS for a credible fear interview, tell USCIS as well. "
        "Try to finish all of them within 5 business days of moving.",
        "\u00bfQu\u00e9 otras oficinas necesitan mi nueva direcci\u00f3n?",
        "Depende de c\u00f3mo sali\u00f3:\n"
        "- Notificaci\u00f3n de Comparecencia (Formulario I-862): ICE y la corte de inmigraci\u00f3n (EOIR).\n"
        "- Expulsi\u00f3n Acelerada (Formulario I-860): ICE y USCIS.\n"
        "- Permiso (parole) con Alternativas a la Detenci\u00f3n: ICE, y tambi\u00e9n USCIS si pidi\u00f3 "
        "un permiso de trabajo.\n"
        "- Notificaci\u00f3n para Presentarse (Formulario I-385): ICE.\n\n"
        "Si pidi\u00f3 a USCIS una entrevista de miedo cre\u00edble, av\u00edsele tambi\u00e9n a USCIS. "
        "Trate de terminar todo dentro de los 5 d\u00edas h\u00e1biles despu\u00e9s de mudarse.",
    ),
    (
        "address",
        "post-office",
        "Should I tell the Post Office?",
        "Yes. Fill in a change-of-address request with the U.S. Postal Service, so that "
        "letters sent to your old address reach you.",
        "\u00bfDebo avisar al correo?",
        "S\u00ed. Llene un cambio de direcci\u00f3n con el Servicio Postal de EE. UU., para que las "
        "cartas enviadas a su direcci\u00f3n anterior le lleguen.",
    ),
    (
        "address",
        "move-often",
        "I move a lot. Do I have to update my address every time?",
        "Yes, every time. If there is a place where your mail always reaches you, such as "
        "your lawyer's office, you may give that address instead, even if you do not live there.",
        "Me mudo mucho. \u00bfTengo que cambiar mi direcci\u00f3n cada vez?",
        "S\u00ed, cada vez. Si hay un lugar donde siempre recibe su correo, como la oficina de su "
        "abogado, puede dar esa direcci\u00f3n, aunque no viva all\u00ed.",
    ),
    (
        "address",
        "address-used-without-permission",
        "I am a lawyer or an aid group, and my address was put on someone's Notice to Appear "
        "without my permission. What can I do?",
        "Contact the nearest field location of ICE's Office of the Principal Legal Advisor "
        "(OPLA) and tell them what you know.",
        "Soy abogado o parte de un grupo de ayuda, y pusieron mi direcci\u00f3n en la "
        "Notificaci\u00f3n de Comparecencia de otra persona sin mi permiso. \u00bfQu\u00e9 hago?",
        "Comun\u00edquese con la oficina local m\u00e1s cercana de la Oficina del Asesor Jur\u00eddico "
        "Principal de ICE (OPLA) y cu\u00e9nteles lo que sabe.",
    ),
]


def seed(apps, schema_editor):
    FaqEntry = apps.get_model("checkin_portal", "FaqEntry")
    for position, (section, slug, q_en, a_en, q_es, a_es) in enumerate(FAQ):
        FaqEntry.objects.get_or_create(
            slug=slug,
            defaults={
                "section": section,
                "position": position,
                "question": q_en,
                "answer": a_en,
                "question_en": q_en,
                "answer_en": a_en,
                "question_es": q_es,
                "answer_es": a_es,
            },
        )


def unseed(apps, schema_editor):
    FaqEntry = apps.get_model("checkin_portal", "FaqEntry")
    FaqEntry.objects.filter(slug__in=[row[1] for row in FAQ]).delete()


class Migration(migrations.Migration):
    dependencies = [("checkin_portal", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]

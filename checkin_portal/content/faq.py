"""The help page's questions and answers as shipped: the English text only.

Each question and answer is a message with the context ``faq`` in the gettext catalogues
(``locale/<locale>/LC_MESSAGES/django.po``), translated like every other message
(docs/translating.md). ``manage.py load_faq`` writes them into the ``FaqEntry`` rows,
which staff then edit in admin (an edited text is never overwritten: see
``checkin_portal.content.loading``).

The answer is plain text: a blank line starts a new paragraph and lines that start with
"- " become a bulleted list. Form numbers (I-862, G-56, AR-11...), the phone number,
agency abbreviations (ICE, USCIS, EOIR, OPLA) and "Subject ID" stay as printed in every
language; buttons and titles are named as the site's catalogue names them ("Confirm",
"End Session", "Changing your address").

To add a question: append it here (a new, unique slug), run ``make makemessages``,
translate, then ``manage.py load_faq``. To change a shipped text, edit it here and in the
catalogues; entries staff have not edited get the new text on the next ``load_faq``.
"""

from typing import NamedTuple

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy


class Question(NamedTuple):
    section: str  # a FaqSection value
    slug: str
    question: Promise
    answer: Promise


FAQ: list[Question] = [
    Question(
        "scheduling",
        "do-i-need-to-book",
        pgettext_lazy(
            "faq",
            "Do I need to book a check-in appointment?",
        ),
        pgettext_lazy(
            "faq",
            "Book one if:\n"
            "- your release papers do not give a date, a time and an office for your "
            "check-in, or\n"
            "- your papers give a date, but you cannot go that day.\n"
            "\n"
            "You do not need to book if:\n"
            "- your papers already give a date, a time and an office, and you can go. If you "
            "now live in another city, go to an office near you on that same day.\n"
            "- you have already been to a check-in. Do what the officer told you at that "
            "visit.\n"
            "- you only need to change your address. See “Changing your address” below.",
        ),
    ),
    Question(
        "scheduling",
        "how-to-book",
        pgettext_lazy(
            "faq",
            "How do I book online?",
        ),
        pgettext_lazy(
            "faq",
            "Have your release papers with you. Then:\n"
            "- choose your language;\n"
            "- type the Subject ID, choose the country of birth printed on your papers, and "
            "show that you are not a robot;\n"
            "- type your address, city, state or ZIP code and pick one of the three closest "
            "offices;\n"
            "- choose a time (the earliest is best), check the details and press Confirm;\n"
            "- keep the confirmation number: print it, send it to yourself or write it down;\n"
            "- press End Session when you finish.",
        ),
    ),
    Question(
        "scheduling",
        "later-than-my-papers",
        pgettext_lazy(
            "faq",
            "The first free time is after the date on my papers. Is that a problem?",
        ),
        pgettext_lazy(
            "faq",
            "No. Book the earliest time you can get. Booking it meets your release "
            "conditions, even if it is weeks or months after the date on your papers. In "
            "some places the first free time may be a year away.",
        ),
    ),
    Question(
        "scheduling",
        "after-parole-ends",
        pgettext_lazy(
            "faq",
            "The first free time is after my parole ends. What should I do?",
        ),
        pgettext_lazy(
            "faq",
            "Book the earliest time anyway. That meets your release conditions. At the "
            "appointment you can ask for more time on your parole.\n"
            "\n"
            "For other questions about your parole, a lawyer can help. The immigration court "
            "system (EOIR) keeps a list of free and low-cost legal services.",
        ),
    ),
    Question(
        "scheduling",
        "see-move-cancel",
        pgettext_lazy(
            "faq",
            "How do I see, move or cancel my appointment?",
        ),
        pgettext_lazy(
            "faq",
            "Sign in again with the Subject ID and the country of birth. Your check-in page "
            "shows your appointment, with buttons to move it to another day or to cancel it. "
            "Every change asks you to confirm before it is saved.",
        ),
    ),
    Question(
        "scheduling",
        "other-time-same-day",
        pgettext_lazy(
            "faq",
            "I cannot be there at my appointment time. Can I come at another time?",
        ),
        pgettext_lazy(
            "faq",
            "Yes, on the same day. If you go to the same office on the same date, at another "
            "time while it is open, you still meet your release conditions. To change the "
            "date, move your appointment online.",
        ),
    ),
    Question(
        "scheduling",
        "no-call-needed",
        pgettext_lazy(
            "faq",
            "Do I need to call or go to an office to book?",
        ),
        pgettext_lazy(
            "faq",
            "No. You can book from a phone, a tablet or a computer. Please do not go to an "
            "office without an appointment.",
        ),
    ),
    Question(
        "check_in",
        "where-are-my-details",
        pgettext_lazy(
            "faq",
            "Where do I find the date and the office of my check-in?",
        ),
        pgettext_lazy(
            "faq",
            "If a check-in was set when you were released, it is printed on your papers: on "
            "the Order of Release on Recognizance (Form I-220A) if you got a Notice to "
            "Appear, or on the Call-In Letter (Form G-56) in the other cases. Some papers "
            "have no date. If yours do not, book online.",
        ),
    ),
    Question(
        "check_in",
        "walk-in",
        pgettext_lazy(
            "faq",
            "Can I go to an office without an appointment?",
        ),
        pgettext_lazy(
            "faq",
            "Please book first. Booking online meets your release conditions, even when the "
            "first free time is later than the time given on your papers.",
        ),
    ),
    Question(
        "check_in",
        "proof-of-booking",
        pgettext_lazy(
            "faq",
            "Can I show that I tried to meet my release conditions?",
        ),
        pgettext_lazy(
            "faq",
            "Yes. After you book, print the appointment details, send them to your email or "
            "phone, or add them to your calendar. Keep them where you can find them easily.",
        ),
    ),
    Question(
        "check_in",
        "what-to-bring",
        pgettext_lazy(
            "faq",
            "What should I bring to my check-in?",
        ),
        pgettext_lazy(
            "faq",
            "Bring your release papers and your confirmation number. If you have a passport "
            "or another ID, bring it too.",
        ),
    ),
    Question(
        "check_in",
        "papers-kept",
        pgettext_lazy(
            "faq",
            "An office kept my passport or other papers. Can I get them back?",
        ),
        pgettext_lazy(
            "faq",
            "Ask at your check-in appointment. The officer will look at your request and "
            "decide whether they can be given back now or must be kept longer.",
        ),
    ),
    Question(
        "address",
        "i-moved",
        pgettext_lazy(
            "faq",
            "I moved. How do I tell ICE?",
        ),
        pgettext_lazy(
            "faq",
            "Tell ICE within 5 days of moving. After you sign in you can send your new "
            "address on this website. You can also call the ICE help line at 1-833-383-1465, "
            "Monday to Friday, 8 a.m. to 8 p.m. Eastern Time.",
        ),
    ),
    Question(
        "address",
        "other-agencies",
        pgettext_lazy(
            "faq",
            "Which other offices need my new address?",
        ),
        pgettext_lazy(
            "faq",
            "It depends on how you were released:\n"
            "- Notice to Appear (Form I-862): ICE and the immigration court (EOIR).\n"
            "- Expedited Removal (Form I-860): ICE and USCIS.\n"
            "- Parole with Alternatives to Detention: ICE, and USCIS too if you asked for a "
            "work permit.\n"
            "- Notice to Report (Form I-385): ICE.\n"
            "\n"
            "If you asked USCIS for a credible fear interview, tell USCIS as well. Try to "
            "finish all of them within 5 business days of moving.",
        ),
    ),
    Question(
        "address",
        "post-office",
        pgettext_lazy(
            "faq",
            "Should I tell the Post Office?",
        ),
        pgettext_lazy(
            "faq",
            "Yes. Fill in a change-of-address request with the U.S. Postal Service, so that "
            "letters sent to your old address reach you.",
        ),
    ),
    Question(
        "address",
        "move-often",
        pgettext_lazy(
            "faq",
            "I move a lot. Do I have to update my address every time?",
        ),
        pgettext_lazy(
            "faq",
            "Yes, every time. If there is a place where your mail always reaches you, such "
            "as your lawyer's office, you may give that address instead, even if you do not "
            "live there.",
        ),
    ),
    Question(
        "address",
        "address-used-without-permission",
        pgettext_lazy(
            "faq",
            "I am a lawyer or an aid group, and my address was put on someone's Notice to "
            "Appear without my permission. What can I do?",
        ),
        pgettext_lazy(
            "faq",
            "Contact the nearest field location of ICE's Office of the Principal Legal "
            "Advisor (OPLA) and tell them what you know.",
        ),
    ),
]

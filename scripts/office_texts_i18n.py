# Words in other scripts look like Latin letters to ruff; they are meant.
# ruff: noqa: RUF001
"""Translations for the office data file that are not hours (those are rendered by
``offices/hours_i18n.py``): field-office names and the "Special Instructions" texts of
the reference list. Used only by ``scripts/build_offices_csv.py``.

Keys are Django language codes (``settings.LANGUAGES``). City names stay as written in
English, as in the offices' addresses and the signs a visitor will look for. The words for
"field office" and "check in" are the ones the site uses (``offices/locale``). "1st floor"
(American: the street-level floor) is given as the ground floor where a language counts
floors from the one above it.
"""

from __future__ import annotations


def _fr_field_office(city: str) -> str:
    return "Bureau régional " + ("d'" if city[:1] in "AEIOU" else "de ") + city


# "Chicago" -> the field office's name in a language.
FIELD_OFFICE_NAME_IN = {
    "es": lambda city: f"Oficina de campo de {city}",
    "pt-br": lambda city: f"Escritório regional de {city}",
    "fr": _fr_field_office,
    "ht": lambda city: f"Biwo prensipal {city}",
    "zh-hans": lambda city: f"{city} 外勤办公室",
    "ru": lambda city: f"Региональный офис {city}",
    "ar": lambda city: f"المكتب الميداني في {city}",
    "fa": lambda city: f"دفتر منطقه‌ای {city}",
    "hi": lambda city: f"{city} फ़ील्ड ऑफ़िस",
    "pa": lambda city: f"{city} ਫ਼ੀਲਡ ਦਫ਼ਤਰ",
    "tr": lambda city: f"{city} Saha Ofisi",
}

A_FILES = "Send A-files here"
MAIN_ENTRANCE = "Check in via main entrance."
FIRST_FLOOR_RIGHT = (
    "Non-Detained Office is located on the 1st floor, to the right of the security desk."
)
FIRST_FLOOR = "Non-Detained Office is located on the 1st floor."
USCIS_LOBBY = "The Check-In Window is in the USCIS Lobby (Main Entrance)"
SUITE_1601 = "Check-in at ERO Main Reception/Bond Suite 1601."
FAIRFAX = "All non-detained cases for Virginia and the District of Columbia report to Fairfax"

# English instructions -> {language: text}.
INSTRUCTIONS: dict[str, dict[str, str]] = {
    A_FILES: {
        "es": "Aquí se envían los expedientes A (A-files).",
        "pt-br": "Os processos A (A-files) são enviados para este escritório.",
        "fr": "Les dossiers A (A-files) sont envoyés à ce bureau.",
        "ht": "Se biwo sa a ki resevwa dosye A yo (A-files).",
        "zh-hans": "A档案（A-files）寄到这里。",
        "ru": "Дела A (A-files) отправляют в этот офис.",
        "ar": "تُرسل ملفات A (A-files) إلى هذا المكتب.",
        "fa": "پرونده‌های A (A-files) به این دفتر فرستاده می‌شوند.",
        "hi": "A-फ़ाइलें (A-files) इसी दफ़्तर में भेजी जाती हैं।",
        "pa": "A-ਫ਼ਾਈਲਾਂ (A-files) ਇਸੇ ਦਫ਼ਤਰ ਵਿੱਚ ਭੇਜੀਆਂ ਜਾਂਦੀਆਂ ਹਨ।",
        "tr": "A dosyaları (A-files) bu ofise gönderilir.",
    },
    MAIN_ENTRANCE: {
        "es": "Regístrese por la entrada principal.",
        "pt-br": "Para o comparecimento, entre pela entrada principal.",
        "fr": "Pour vous présenter, passez par l'entrée principale.",
        "ht": "Pou fè check-in, antre pa pòt prensipal la.",
        "zh-hans": "报到请走正门。",
        "ru": "Для явки входите через главный вход.",
        "ar": "لتسجيل الحضور، ادخل من المدخل الرئيسي.",
        "fa": "برای حضور، از در اصلی وارد شوید.",
        "hi": "चेक-इन के लिए मुख्य दरवाज़े से अंदर आएँ।",
        "pa": "ਚੈੱਕ-ਇਨ ਲਈ ਮੁੱਖ ਦਰਵਾਜ਼ੇ ਰਾਹੀਂ ਅੰਦਰ ਆਓ।",
        "tr": "Kontrol için ana girişten girin.",
    },
    FIRST_FLOOR_RIGHT: {
        "es": (
            "La oficina para personas no detenidas está en el primer piso, a la derecha del "
            "control de seguridad."
        ),
        "pt-br": (
            "O escritório para pessoas que não estão detidas fica no térreo, à direita da "
            "mesa da segurança."
        ),
        "fr": (
            "Le bureau des personnes non détenues se trouve au rez-de-chaussée, à droite du "
            "poste de sécurité."
        ),
        "ht": (
            "Biwo pou moun ki pa nan detansyon an atè a (premye etaj), sou bò dwat pòs sekirite a."
        ),
        "zh-hans": "非拘留人员办公室在一楼，安检台的右边。",
        "ru": (
            "Офис для тех, кто не под стражей, находится на первом этаже, справа от поста охраны."
        ),
        "ar": "مكتب غير المحتجزين في الطابق الأرضي، على يمين مكتب الأمن.",
        "fa": "دفتر افراد غیربازداشتی در طبقه همکف است، سمت راست میز نگهبانی.",
        "hi": ("जो लोग हिरासत में नहीं हैं, उनका दफ़्तर ग्राउंड फ़्लोर (भूतल) पर है, सुरक्षा डेस्क के दाईं ओर।"),
        "pa": ("ਜੋ ਲੋਕ ਹਿਰਾਸਤ ਵਿੱਚ ਨਹੀਂ ਹਨ, ਉਨ੍ਹਾਂ ਦਾ ਦਫ਼ਤਰ ਗਰਾਊਂਡ ਫ਼ਲੋਰ 'ਤੇ ਹੈ, ਸੁਰੱਖਿਆ ਡੈਸਕ ਦੇ ਸੱਜੇ ਪਾਸੇ।"),
        "tr": (
            "Gözaltında olmayan kişilerin ofisi zemin kattadır, güvenlik masasının sağ tarafında."
        ),
    },
    FIRST_FLOOR: {
        "es": "La oficina para personas no detenidas está en el primer piso.",
        "pt-br": "O escritório para pessoas que não estão detidas fica no térreo.",
        "fr": "Le bureau des personnes non détenues se trouve au rez-de-chaussée.",
        "ht": "Biwo pou moun ki pa nan detansyon an atè a (premye etaj).",
        "zh-hans": "非拘留人员办公室在一楼。",
        "ru": "Офис для тех, кто не под стражей, находится на первом этаже.",
        "ar": "مكتب غير المحتجزين في الطابق الأرضي.",
        "fa": "دفتر افراد غیربازداشتی در طبقه همکف است.",
        "hi": "जो लोग हिरासत में नहीं हैं, उनका दफ़्तर ग्राउंड फ़्लोर (भूतल) पर है।",
        "pa": "ਜੋ ਲੋਕ ਹਿਰਾਸਤ ਵਿੱਚ ਨਹੀਂ ਹਨ, ਉਨ੍ਹਾਂ ਦਾ ਦਫ਼ਤਰ ਗਰਾਊਂਡ ਫ਼ਲੋਰ 'ਤੇ ਹੈ।",
        "tr": "Gözaltında olmayan kişilerin ofisi zemin kattadır.",
    },
    USCIS_LOBBY: {
        "es": "La ventanilla de registro está en el vestíbulo de USCIS (entrada principal).",
        "pt-br": "O guichê de comparecimento fica no saguão do USCIS (entrada principal).",
        "fr": "Le guichet de présentation se trouve dans le hall de l'USCIS (entrée principale).",
        "ht": "Gichè check-in lan nan lobi USCIS la (pòt prensipal la).",
        "zh-hans": "报到窗口在USCIS大厅（正门）。",
        "ru": "Окно для явки находится в вестибюле USCIS (главный вход).",
        "ar": "نافذة تسجيل الحضور في بهو USCIS (المدخل الرئيسي).",
        "fa": "باجه حضور در سالن ورودی USCIS است (در اصلی).",
        "hi": "चेक-इन खिड़की USCIS की लॉबी में है (मुख्य दरवाज़ा)।",
        "pa": "ਚੈੱਕ-ਇਨ ਖਿੜਕੀ USCIS ਦੀ ਲਾਬੀ ਵਿੱਚ ਹੈ (ਮੁੱਖ ਦਰਵਾਜ਼ਾ)।",
        "tr": "Kontrol gişesi USCIS lobisindedir (ana giriş).",
    },
    SUITE_1601: {
        "es": "Regístrese en la recepción principal de ERO, oficina de fianzas, Suite 1601.",
        "pt-br": "Apresente-se na recepção principal do ERO, setor de fianças, Suite 1601.",
        "fr": "Présentez-vous à l'accueil principal de l'ERO, bureau des cautions, Suite 1601.",
        "ht": "Fè check-in nan resepsyon prensipal ERO a, biwo kosyon (bond), Suite 1601.",
        "zh-hans": "请到ERO主接待处（保释办公室，Suite 1601）报到。",
        "ru": "Явка — в главной приёмной ERO, отдел залогов, Suite 1601.",
        "ar": "سجّل حضورك في الاستقبال الرئيسي لـ ERO، مكتب الكفالات، Suite 1601.",
        "fa": "برای حضور به پذیرش اصلی ERO، دفتر وثیقه، Suite 1601 بروید.",
        "hi": "चेक-इन ERO के मुख्य रिसेप्शन, बॉन्ड (ज़मानत) दफ़्तर, Suite 1601 में करें।",
        "pa": "ਚੈੱਕ-ਇਨ ERO ਦੇ ਮੁੱਖ ਰਿਸੈਪਸ਼ਨ, ਬਾਂਡ (ਜ਼ਮਾਨਤ) ਦਫ਼ਤਰ, Suite 1601 ਵਿੱਚ ਕਰੋ।",
        "tr": "Kontrol için ERO ana resepsiyonuna, kefalet (bond) bölümüne gidin: Suite 1601.",
    },
    FAIRFAX: {
        "es": (
            "Todas las personas no detenidas de Virginia y del Distrito de Columbia se presentan "
            "en Fairfax."
        ),
        "pt-br": (
            "Todas as pessoas não detidas da Virgínia e do Distrito de Columbia se apresentam "
            "em Fairfax."
        ),
        "fr": (
            "Toutes les personnes non détenues de Virginie et du district de Columbia se "
            "présentent à Fairfax."
        ),
        "ht": (
            "Tout moun ki pa nan detansyon nan Vijini ak nan Distri Columbia (DC) fè check-in "
            "nan Fairfax."
        ),
        "zh-hans": "弗吉尼亚州和哥伦比亚特区（DC）的所有非拘留人员都到Fairfax报到。",
        "ru": (
            "Все, кто не под стражей, из Вирджинии и округа Колумбия являются в офис в Fairfax."
        ),
        "ar": "جميع غير المحتجزين من فرجينيا ومقاطعة كولومبيا يسجّلون حضورهم في Fairfax.",
        "fa": "همه افراد غیربازداشتی از ویرجینیا و ناحیه کلمبیا در Fairfax حضور پیدا می‌کنند.",
        "hi": (
            "वर्जीनिया और डिस्ट्रिक्ट ऑफ़ कोलंबिया (DC) के सभी लोग, जो हिरासत में नहीं हैं, "
            "Fairfax में चेक-इन करते हैं।"
        ),
        "pa": (
            "ਵਰਜੀਨੀਆ ਅਤੇ ਡਿਸਟ੍ਰਿਕਟ ਆਫ਼ ਕੋਲੰਬੀਆ (DC) ਦੇ ਸਾਰੇ ਲੋਕ, ਜੋ ਹਿਰਾਸਤ ਵਿੱਚ ਨਹੀਂ ਹਨ, "
            "Fairfax ਵਿੱਚ ਚੈੱਕ-ਇਨ ਕਰਦੇ ਹਨ।"
        ),
        "tr": (
            "Virginia ve Columbia Bölgesi'nde (DC) gözaltında olmayan herkes kontrol için "
            "Fairfax ofisine gelir."
        ),
    },
}

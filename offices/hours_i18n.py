# Words in other scripts look like Latin letters to ruff; they are meant.
# ruff: noqa: RUF001, RUF003
"""Published check-in hours, read once and written out in each shipped language.

The reference list gives hours as short English texts in a few shapes::

    Monday-Friday, 8 a.m.-3 p.m.
    Tuesday and Thursday 8 a.m.-12 p.m.
    Tuesday, Thursday, Friday, 8 a.m.-3 p.m.
    1st Tuesday of each month, 7:30 a.m.-11:30 a.m.
    Last Tuesday of each month, 8 a.m.-3 p.m.
    8 a.m.-12 p.m.

``parse_hours`` turns such a text into ``Hours`` (which days, from when to when);
``render_hours(text, language)`` writes it in a language from that language's own words
below, e.g. ``"Monday-Friday, 8 a.m.-3 p.m."`` in French is ``"Du lundi au vendredi, de
8 h à 15 h"``. Digits stay Western (0-9) in every language, as everywhere on the site. A
text that fits none of the shapes gives ``""`` (the site then shows the English text).

Used by ``scripts/build_offices_csv.py`` to fill the ``hours_<language>`` columns of the
office data file; nothing here touches Django.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf.locale.es import formats as _ES_FORMATS
from django.utils import dateformat

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = ("1st", "2nd", "3rd", "4th", "Last")


@dataclass(frozen=True)
class Hours:
    """Days are indexes into ``WEEKDAYS``. ``kind`` is ``times_only`` (no days
    named; ``days`` is empty), ``range`` (first to last day), ``list`` (these days) or
    ``monthly`` (``ordinal`` day of each month, ``days`` holds that one day)."""

    kind: str
    days: tuple[int, ...]
    start: tuple[int, int]  # (hour 0-23, minute)
    end: tuple[int, int]
    ordinal: str = ""


# --- Reading the English text -----------------------------------------------------------

_DASH = r"\s*[-\u2013]\s*"
_TIME = r"\d{1,2}(?::\d{2})?\s*[ap]\.m\."
_HOURS = re.compile(rf"^(?P<days>.*?)[,\s]*(?P<start>{_TIME}){_DASH}(?P<end>{_TIME})$")
_DAY = "|".join(WEEKDAYS)
_MONTHLY = re.compile(rf"({'|'.join(ORDINALS)}) ({_DAY}) of (?:each|the) month")
_RANGE = re.compile(rf"({_DAY}){_DASH}({_DAY})")


def _time(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.m\.", text.strip())
    hour, minute = int(match[1]) % 12, int(match[2] or 0)
    return (hour + 12 if match[3] == "p" else hour), minute


def parse_hours(text: str) -> Hours | None:
    """The structure of an hours text, or None when it fits no known shape."""
    match = _HOURS.match(" ".join(text.split()))
    if not match:
        return None
    start, end = _time(match["start"]), _time(match["end"])
    days = match["days"].strip().rstrip(",").strip()
    if not days:
        return Hours("times_only", (), start, end)
    if monthly := _MONTHLY.fullmatch(days):
        return Hours("monthly", (WEEKDAYS.index(monthly[2]),), start, end, monthly[1])
    if day_range := _RANGE.fullmatch(days):
        first, last = WEEKDAYS.index(day_range[1]), WEEKDAYS.index(day_range[2])
        return Hours("range", (first, last), start, end) if first < last else None
    names = re.split(r"\s*,\s*|\s+and\s+", days)
    if not names or any(name not in WEEKDAYS for name in names):
        return None
    return Hours("list", tuple(WEEKDAYS.index(name) for name in names), start, end)


# --- Writing it in a language ----------------------------------------------------------


def _join(items: list[str], comma: str, last: str) -> str:
    """["a", "b", "c"] -> "a, b and c" with the language's comma and "and"."""
    return items[0] if len(items) == 1 else comma.join(items[:-1]) + last + items[-1]


def _clock_12(hour: int, minute: int, sep: str = ":") -> str:
    twelve = hour % 12 or 12
    return f"{twelve}{sep}{minute:02d}" if minute else str(twelve)


@dataclass(frozen=True)
class Language:
    """How a language writes hours: ``day_range`` (first, last day), ``day_list`` (days),
    ``monthly`` (ordinal, day), ``time`` (hour, minute) and ``time_range`` (start text,
    end text, start, end) each give a piece of text; ``comma`` joins days and times;
    ``capitalize``: the text starts with a capital letter."""

    day_range: Callable[[int, int], str]
    day_list: Callable[[list[int]], str]
    monthly: Callable[[str, int], str]
    time: Callable[[int, int], str]
    time_range: Callable[[str, str, tuple[int, int], tuple[int, int]], str]
    comma: str = ", "
    capitalize: bool = True


def _upper_first(text: str, language: str) -> str:
    first = text[:1]
    # Turkish has a dotted capital: "ilk" -> "İlk".
    first = "\u0130" if language == "tr" and first == "i" else first.upper()
    return first + text[1:]


# Spanish ----------------------------------------------------------------------------------
_ES_DAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_ES_ORD = {"1st": "primer", "2nd": "segundo", "3rd": "tercer", "4th": "cuarto", "Last": "último"}


def _es_time(hour: int, minute: int) -> str:
    # The same clock as the booking times (Django's Spanish TIME_FORMAT, 24-hour "15:00"):
    # "3 p. m." here beside "15:00" there read as two different times.
    return dateformat.time_format(datetime.time(hour, minute), _ES_FORMATS.TIME_FORMAT)


# Portuguese (Brazil): feira days are feminine, sábado and domingo masculine ---------------
_PT_DAYS = (
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
)
_PT_ORD_F = {
    "1st": "primeira",
    "2nd": "segunda",
    "3rd": "terceira",
    "4th": "quarta",
    "Last": "última",
}
_PT_ORD_M = {
    "1st": "primeiro",
    "2nd": "segundo",
    "3rd": "terceiro",
    "4th": "quarto",
    "Last": "último",
}


def _pt_time(hour: int, minute: int) -> str:
    return f"{hour}h{minute:02d}" if minute else f"{hour}h"


def _pt_range(start: str, end: str, a: tuple[int, int], b: tuple[int, int]) -> str:
    # "das 8h às 15h"; one o'clock is singular: "da 1h", "à 1h".
    return f"{'da' if a[0] == 1 else 'das'} {start} {'à' if b[0] == 1 else 'às'} {end}"


# French -----------------------------------------------------------------------------------
_FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_FR_ORD = {
    "1st": "premier",
    "2nd": "deuxième",
    "3rd": "troisième",
    "4th": "quatrième",
    "Last": "dernier",
}


def _fr_time(hour: int, minute: int) -> str:
    # A no-break space keeps "8 h" on one line, as French typography wants.
    return f"{hour}\u00a0h\u00a0{minute:02d}" if minute else f"{hour}\u00a0h"


# Haitian Creole ---------------------------------------------------------------------------
_HT_DAYS = ("lendi", "madi", "mèkredi", "jedi", "vandredi", "samdi", "dimanch")
_HT_ORD = {"1st": "premye", "2nd": "dezyèm", "3rd": "twazyèm", "4th": "katriyèm", "Last": "dènye"}


def _ht_time(hour: int, minute: int) -> str:
    if (hour, minute) == (12, 0):
        return "midi"
    clock = _clock_12(hour, minute, sep="è")
    clock = clock if minute else f"{clock}è"
    if hour < 12:
        return f"{clock} nan maten"
    return f"{clock} nan apremidi" if hour < 18 else f"{clock} nan aswè"


# Chinese (simplified) -----------------------------------------------------------------------
_ZH_DAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_ZH_ORD = {"1st": "第一个", "2nd": "第二个", "3rd": "第三个", "4th": "第四个", "Last": "最后一个"}


def _zh_time(hour: int, minute: int) -> str:
    part = "上午" if hour < 12 else "中午" if hour == 12 else "下午" if hour < 18 else "晚上"
    clock = hour if hour <= 12 else hour - 12
    rest = "" if not minute else "半" if minute == 30 else f"{minute:02d}分"
    return f"{part}{clock}点{rest}"


# Russian: "с понедельника по пятницу" (genitive, accusative), "по вторникам" (dative) -----
_RU_NOM = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")
_RU_GEN = ("понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья")
_RU_ACC = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")
_RU_DAT_PL = (
    "понедельникам",
    "вторникам",
    "средам",
    "четвергам",
    "пятницам",
    "субботам",
    "воскресеньям",
)
_RU_GENDER = ("m", "m", "f", "m", "f", "f", "n")
_RU_ORD = {
    "1st": {"m": "первый", "f": "первая", "n": "первое"},
    "2nd": {"m": "второй", "f": "вторая", "n": "второе"},
    "3rd": {"m": "третий", "f": "третья", "n": "третье"},
    "4th": {"m": "четвёртый", "f": "четвёртая", "n": "четвёртое"},
    "Last": {"m": "последний", "f": "последняя", "n": "последнее"},
}


def _ru_range(first: int, last: int) -> str:
    # "со" before вторника and среды, where "с" meets a cluster of consonants.
    preposition = "со" if first in (1, 2) else "с"
    return f"{preposition} {_RU_GEN[first]} по {_RU_ACC[last]}"


# Arabic: after an ordinal the day loses its article (أول ثلاثاء) ------------------------
_AR_DAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_AR_BARE = ("اثنين", "ثلاثاء", "أربعاء", "خميس", "جمعة", "سبت", "أحد")
_AR_ORD = {"1st": "أول", "2nd": "ثاني", "3rd": "ثالث", "4th": "رابع", "Last": "آخر"}


def _ar_time(hour: int, minute: int) -> str:
    part = "صباحًا" if hour < 12 else "ظهرًا" if hour == 12 else "مساءً"
    return f"{_clock_12(hour, minute)} {part}"


# Persian ----------------------------------------------------------------------------------
_FA_DAYS = ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنج‌شنبه", "جمعه", "شنبه", "یک‌شنبه")
_FA_ORD = {"1st": "اولین", "2nd": "دومین", "3rd": "سومین", "4th": "چهارمین", "Last": "آخرین"}


def _fa_time(hour: int, minute: int) -> str:
    part = (
        "صبح"
        if hour < 12
        else "ظهر"
        if hour == 12
        else "بعدازظهر"
        if hour < 17
        else "عصر"
        if hour < 20
        else "شب"
    )
    return f"{_clock_12(hour, minute)} {part}"


# Hindi and Punjabi: the part of the day comes first, "बजे"/"ਵਜੇ" after the clock ----------
_HI_DAYS = ("सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार")
_HI_ORD = {"1st": "पहला", "2nd": "दूसरा", "3rd": "तीसरा", "4th": "चौथा", "Last": "आखिरी"}
_PA_DAYS = ("ਸੋਮਵਾਰ", "ਮੰਗਲਵਾਰ", "ਬੁੱਧਵਾਰ", "ਵੀਰਵਾਰ", "ਸ਼ੁੱਕਰਵਾਰ", "ਸ਼ਨਿੱਚਰਵਾਰ", "ਐਤਵਾਰ")
_PA_ORD = {"1st": "ਪਹਿਲਾ", "2nd": "ਦੂਜਾ", "3rd": "ਤੀਜਾ", "4th": "ਚੌਥਾ", "Last": "ਆਖਰੀ"}


def _indic_time(parts: tuple[str, str, str, str], word: str) -> Callable[[int, int], str]:
    morning, noon, evening, night = parts

    def render(hour: int, minute: int) -> str:
        part = morning if hour < 12 else noon if hour < 16 else evening if hour < 20 else night
        return f"{part} {_clock_12(hour, minute)} {word}"

    return render


# Turkish: day names are written small unless they begin the text --------------------------
_TR_DAYS = ("pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar")
_TR_ORD = {"1st": "ilk", "2nd": "ikinci", "3rd": "üçüncü", "4th": "dördüncü", "Last": "son"}


def _days_in(names: tuple[str, ...]) -> Callable[[list[int]], list[str]]:
    return lambda days: [names[day] for day in days]


LANGUAGES: dict[str, Language] = {
    "es": Language(
        day_range=lambda a, b: f"de {_ES_DAYS[a]} a {_ES_DAYS[b]}",
        day_list=lambda days: _join(_days_in(_ES_DAYS)(days), ", ", " y "),
        monthly=lambda o, d: f"{_ES_ORD[o]} {_ES_DAYS[d]} de cada mes",
        time=_es_time,
        time_range=lambda s, e, a, b: f"de {s} a {e}",
    ),
    "pt-br": Language(
        day_range=lambda a, b: f"de {_PT_DAYS[a]} a {_PT_DAYS[b]}",
        day_list=lambda days: _join(_days_in(_PT_DAYS)(days), ", ", " e "),
        monthly=lambda o, d: f"{(_PT_ORD_M if d >= 5 else _PT_ORD_F)[o]} {_PT_DAYS[d]} de cada mês",
        time=_pt_time,
        time_range=_pt_range,
    ),
    "fr": Language(
        day_range=lambda a, b: f"du {_FR_DAYS[a]} au {_FR_DAYS[b]}",
        day_list=lambda days: _join(_days_in(_FR_DAYS)(days), ", ", " et "),
        monthly=lambda o, d: f"le {_FR_ORD[o]} {_FR_DAYS[d]} de chaque mois",
        time=_fr_time,
        time_range=lambda s, e, a, b: f"de {s} à {e}",
    ),
    "ht": Language(
        day_range=lambda a, b: f"{_HT_DAYS[a]} rive {_HT_DAYS[b]}",
        day_list=lambda days: _join(_days_in(_HT_DAYS)(days), ", ", " ak "),
        monthly=lambda o, d: f"{_HT_ORD[o]} {_HT_DAYS[d]} chak mwa",
        time=_ht_time,
        time_range=lambda s, e, a, b: f"soti {s} rive {e}",
    ),
    "zh-hans": Language(
        day_range=lambda a, b: f"{_ZH_DAYS[a]}至{_ZH_DAYS[b]}",
        day_list=lambda days: _join(_days_in(_ZH_DAYS)(days), "、", "和"),
        monthly=lambda o, d: f"每月{_ZH_ORD[o]}{_ZH_DAYS[d]}",
        time=_zh_time,
        time_range=lambda s, e, a, b: f"{s}至{e}",
        comma="，",
        capitalize=False,
    ),
    "ru": Language(
        day_range=_ru_range,
        day_list=lambda days: "по " + _join(_days_in(_RU_DAT_PL)(days), ", ", " и "),
        monthly=lambda o, d: f"{_RU_ORD[o][_RU_GENDER[d]]} {_RU_NOM[d]} каждого месяца",
        time=lambda hour, minute: f"{hour}:{minute:02d}",
        time_range=lambda s, e, a, b: f"с {s} до {e}",
    ),
    "ar": Language(
        day_range=lambda a, b: f"من {_AR_DAYS[a]} إلى {_AR_DAYS[b]}",
        day_list=lambda days: " و".join(_days_in(_AR_DAYS)(days)),
        monthly=lambda o, d: f"{_AR_ORD[o]} {_AR_BARE[d]} من كل شهر",
        time=_ar_time,
        time_range=lambda s, e, a, b: f"من {s} إلى {e}",
        comma="، ",
        capitalize=False,
    ),
    "fa": Language(
        day_range=lambda a, b: f"{_FA_DAYS[a]} تا {_FA_DAYS[b]}",
        day_list=lambda days: _join(_days_in(_FA_DAYS)(days), "، ", " و "),
        monthly=lambda o, d: f"{_FA_ORD[o]} {_FA_DAYS[d]} هر ماه",
        time=_fa_time,
        time_range=lambda s, e, a, b: f"از {s} تا {e}",
        comma="، ",
        capitalize=False,
    ),
    "hi": Language(
        day_range=lambda a, b: f"{_HI_DAYS[a]} से {_HI_DAYS[b]}",
        day_list=lambda days: _join(_days_in(_HI_DAYS)(days), ", ", " और "),
        monthly=lambda o, d: f"हर महीने का {_HI_ORD[o]} {_HI_DAYS[d]}",
        time=_indic_time(("सुबह", "दोपहर", "शाम", "रात"), "बजे"),
        time_range=lambda s, e, a, b: f"{s} से {e} तक",
        capitalize=False,
    ),
    "pa": Language(
        day_range=lambda a, b: f"{_PA_DAYS[a]} ਤੋਂ {_PA_DAYS[b]}",
        day_list=lambda days: _join(_days_in(_PA_DAYS)(days), ", ", " ਅਤੇ "),
        monthly=lambda o, d: f"ਹਰ ਮਹੀਨੇ ਦਾ {_PA_ORD[o]} {_PA_DAYS[d]}",
        time=_indic_time(("ਸਵੇਰੇ", "ਦੁਪਹਿਰ", "ਸ਼ਾਮ", "ਰਾਤ"), "ਵਜੇ"),
        time_range=lambda s, e, a, b: f"{s} ਤੋਂ {e} ਤੱਕ",
        capitalize=False,
    ),
    "tr": Language(
        day_range=lambda a, b: f"{_TR_DAYS[a]}-{_TR_DAYS[b]}",
        day_list=lambda days: _join(_days_in(_TR_DAYS)(days), ", ", " ve "),
        monthly=lambda o, d: f"her ayın {_TR_ORD[o]} {_TR_DAYS[d]} günü",
        time=lambda hour, minute: f"{hour:02d}.{minute:02d}",
        time_range=lambda s, e, a, b: f"saat {s}-{e} arası",
    ),
}


def render(hours: Hours, language: str) -> str:
    words = LANGUAGES[language]
    when = words.time_range(
        words.time(*hours.start), words.time(*hours.end), hours.start, hours.end
    )
    if hours.kind == "times_only":
        text = when
    else:
        if hours.kind == "monthly":
            days = words.monthly(hours.ordinal, hours.days[0])
        elif hours.kind == "range":
            days = words.day_range(*hours.days)
        else:
            days = words.day_list(list(hours.days))
        text = f"{days}{words.comma}{when}"
    return _upper_first(text, language) if words.capitalize else text


def render_hours(text: str, language: str) -> str:
    """``text`` (English hours) in ``language`` (a Django language code such as
    ``"zh-hans"``); English gives the text back as it is. ``""`` when the text fits no
    known shape or the language has no words here yet."""
    if language == "en":
        return text
    hours = parse_hours(text)
    if hours is None or language not in LANGUAGES:
        return ""
    return render(hours, language)

"""Languages Django's own table (django.conf.locale.LANG_INFO) lacks or names in English.

Called from settings, before any translation is activated: get_language_info(),
{% get_current_language_bidi %} and the admin read this table."""

from django.conf.locale import LANG_INFO

EXTRA_LANGUAGES = {
    "ht": {"bidi": False, "code": "ht", "name": "Haitian Creole", "name_local": "Kreyòl ayisyen"},
    "pa": {"bidi": False, "code": "pa", "name": "Punjabi", "name_local": "ਪੰਜਾਬੀ"},
}


def register_extra_languages() -> None:
    LANG_INFO.update(EXTRA_LANGUAGES)

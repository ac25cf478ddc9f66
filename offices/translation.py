from modeltranslation.translator import TranslationOptions, register

from checkin_portal import history

from .models import Office


@register(Office)
class OfficeTranslationOptions(TranslationOptions):
    fields = ("name", "hours", "instructions")


# History is registered after translation (STACK.md: a declared HistoricalRecords on a
# translated model breaks every save).
history.register(Office)

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Office


@register(Office)
class OfficeTranslationOptions(TranslationOptions):
    fields = ("name", "hours", "instructions")


# History is registered after translation (STACK.md: a declared HistoricalRecords on a
# translated model breaks every save).
simple_history.register(Office)

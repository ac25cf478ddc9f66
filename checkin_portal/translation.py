import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import FaqEntry


@register(FaqEntry)
class FaqEntryTranslationOptions(TranslationOptions):
    fields = ("question", "answer")


# History is registered after translation (STACK.md: a declared HistoricalRecords on a
# translated model breaks every save).
simple_history.register(FaqEntry)

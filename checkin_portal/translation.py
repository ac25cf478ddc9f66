from modeltranslation.translator import TranslationOptions, register

from checkin_portal import history

from .models import FaqEntry


@register(FaqEntry)
class FaqEntryTranslationOptions(TranslationOptions):
    fields = ("question", "answer")


# History is registered after translation (STACK.md: a declared HistoricalRecords on a
# translated model breaks every save).
history.register(FaqEntry)

from modeltranslation.translator import TranslationOptions, register

from checkin_portal import history

from .models import Closure


@register(Closure)
class ClosureTranslationOptions(TranslationOptions):
    fields = ("reason",)


# History after translation (STACK.md: a declared HistoricalRecords on a translated model
# breaks every save).
history.register(Closure)

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Closure


@register(Closure)
class ClosureTranslationOptions(TranslationOptions):
    fields = ("reason",)


# History after translation (STACK.md: a declared HistoricalRecords on a translated model
# breaks every save).
simple_history.register(Closure)

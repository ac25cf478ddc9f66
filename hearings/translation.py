from modeltranslation.translator import TranslationOptions, register

from checkin_portal import history

from .models import ImmigrationCourt


@register(ImmigrationCourt)
class ImmigrationCourtTranslationOptions(TranslationOptions):
    fields = ("status_notice",)


# History is registered after translation (STACK.md: a declared HistoricalRecords on a
# translated model breaks every save).
history.register(ImmigrationCourt)

"""Closures written before standard reasons existed keep their own text, as "other".

"Other" needs an English text (0006), which is what readers of a language without their
own text then see. Since 0002 every closure saved in English has one; a closure written in
code while another language was active has text only in that language (and in the base
column), which must not be labelled English: it gets a plain English sentence instead, and
readers of its own language still see their text. Text found only in the base column
(written before reasons were translated) is the English one, as in 0002."""

from django.db import migrations
from django.db.models import Q

NO_ENGLISH_TEXT = "The office is closed."


def existing_closures_are_other(apps, schema_editor):
    Closure = apps.get_model("appointments", "Closure")
    Closure.objects.update(reason_kind="other")
    columns = [
        field.name
        for field in Closure._meta.get_fields()
        if field.name.startswith("reason_") and field.name != "reason_kind"
    ]
    for closure in Closure.objects.filter(Q(reason_en__isnull=True) | Q(reason_en="")):
        base = (closure.reason or "").strip()
        translated = {(getattr(closure, column) or "").strip() for column in columns}
        closure.reason_en = base if base and base not in translated else NO_ENGLISH_TEXT
        closure.save(update_fields=["reason_en"])


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0004_closure_reason_kind"),
    ]

    operations = [
        migrations.RunPython(existing_closures_are_other, migrations.RunPython.noop),
    ]

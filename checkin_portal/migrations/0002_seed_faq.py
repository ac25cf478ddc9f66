"""Once seeded the help page in English and Spanish; now does nothing (issue 15).

The questions and answers moved out of Python: the English text is in
``checkin_portal/content/faq.py``, the translations are in the gettext catalogues (context
``faq``), and ``manage.py load_faq`` creates and updates the entries (never overwriting an
entry staff edited). The migration stays, empty, so databases that applied it keep a
consistent history; a new database gets its FAQ from ``load_faq`` (run after ``migrate``).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("checkin_portal", "0001_initial")]
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]

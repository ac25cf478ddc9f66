"""Once filled the help page in ten more languages; now does nothing (issue 15).

The translations it carried are in the gettext catalogues (context ``faq``) and reach the
database through ``manage.py load_faq``, as ``0002_seed_faq`` explains. Kept, empty, so
databases that applied it keep a consistent history.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("checkin_portal", "0003_twelve_languages")]
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]

"""One time-zone field name across the project (issue 14): Office.timezone -> time_zone.
A rename: the column keeps its data."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("offices", "0003_twelve_languages"),
    ]

    operations = [
        migrations.RenameField(model_name="office", old_name="timezone", new_name="time_zone"),
        migrations.RenameField(
            model_name="historicaloffice", old_name="timezone", new_name="time_zone"
        ),
    ]

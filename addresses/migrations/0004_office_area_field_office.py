"""AddressChange.office_area: from a code of the old OfficeArea list (addresses/office_areas.py)
to a link to the field office's own offices.Office row (issue 14). Each code is mapped to
the field office of that name ("atlanta" -> "Atlanta Field Office"), else to its fixed
code (ATLANTA-FO); a code with no such row, or no code, becomes empty. History rows too."""

import django.db.models.deletion
from django.db import migrations, models

# The old list's codes and names (its labels were the field offices' city names).
NAMES = {
    "atlanta": "Atlanta",
    "baltimore": "Baltimore",
    "boston": "Boston",
    "buffalo": "Buffalo",
    "chicago": "Chicago",
    "dallas": "Dallas",
    "denver": "Denver",
    "detroit": "Detroit",
    "el_paso": "El Paso",
    "harlingen": "Harlingen",
    "houston": "Houston",
    "los_angeles": "Los Angeles",
    "miami": "Miami",
    "new_orleans": "New Orleans",
    "new_york_city": "New York City",
    "newark": "Newark",
    "philadelphia": "Philadelphia",
    "phoenix": "Phoenix",
    "salt_lake_city": "Salt Lake City",
    "san_antonio": "San Antonio",
    "san_diego": "San Diego",
    "san_francisco": "San Francisco",
    "seattle": "Seattle",
    "st_paul": "St. Paul",
    "washington": "Washington",
}


def _field_offices(apps) -> dict[str, int]:
    Office = apps.get_model("offices", "Office")
    by_name, by_code = {}, {}
    for pk, code, name in Office.objects.filter(kind="field_office").values_list(
        "pk", "code", "name"
    ):
        by_name[name.strip().casefold()] = pk
        by_code[code] = pk
    found = {}
    for old_code, name in NAMES.items():
        pk = by_name.get(f"{name} Field Office".casefold())
        if pk is None:
            pk = by_code.get(old_code.upper().replace("_", "-") + "-FO")
        if pk is not None:
            found[old_code] = pk
    return found


def forwards(apps, schema_editor):
    offices = _field_offices(apps)
    for model in ("AddressChange", "HistoricalAddressChange"):
        Model = apps.get_model("addresses", model)
        for old_code, pk in offices.items():
            Model.objects.filter(office_area_code=old_code).update(office_area_id=pk)


def backwards(apps, schema_editor):
    offices = _field_offices(apps)
    for model in ("AddressChange", "HistoricalAddressChange"):
        Model = apps.get_model("addresses", model)
        for old_code, pk in offices.items():
            Model.objects.filter(office_area_id=pk).update(office_area_code=old_code)


class Migration(migrations.Migration):
    dependencies = [
        ("addresses", "0003_phone_number_field"),
        ("offices", "0004_office_time_zone"),
    ]

    operations = [
        migrations.RenameField("addresschange", "office_area", "office_area_code"),
        migrations.RenameField("historicaladdresschange", "office_area", "office_area_code"),
        migrations.AddField(
            model_name="addresschange",
            name="office_area",
            field=models.ForeignKey(
                blank=True,
                limit_choices_to={"kind": "field_office"},
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="offices.office",
                verbose_name="office area",
            ),
        ),
        migrations.AddField(
            model_name="historicaladdresschange",
            name="office_area",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                limit_choices_to={"kind": "field_office"},
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="offices.office",
                verbose_name="office area",
            ),
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
        migrations.RemoveField("addresschange", "office_area_code"),
        migrations.RemoveField("historicaladdresschange", "office_area_code"),
    ]

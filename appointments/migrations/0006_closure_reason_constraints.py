from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0005_existing_closures_are_other"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="closure",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "reason_kind__in",
                        ["holiday", "weather", "building", "staff_event", "emergency", "other"],
                    )
                ),
                name="closure_reason_kind_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="closure",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("reason_kind", "other"), _negated=True),
                    models.Q(
                        ("reason_en__isnull", False), models.Q(("reason_en", ""), _negated=True)
                    ),
                    _connector="OR",
                ),
                name="closure_other_reason_has_english_text",
                violation_error_message="For “Other reason”, write the reason in English, or choose a reason from the list.",
            ),
        ),
    ]

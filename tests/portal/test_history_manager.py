"""Each model's change history is read through a manager class made once (issue 17):
django-simple-history made a new class, with ``inspect.getmembers`` of its queryset, on
every read of ``Model.history``, and every historical row written read it once."""

import pytest
from django.apps import apps

from checkin_portal.history import HistoryManager


def history_models():
    return sorted(
        (
            model
            for model in apps.get_models()
            if getattr(model._meta, "simple_history_manager_attribute", None)
        ),
        key=lambda model: model._meta.label,
    )


def test_every_model_with_history_is_covered():
    labels = {model._meta.label for model in history_models()}
    assert {"appointments.Appointment", "appointments.Slot", "offices.Office"} <= labels


@pytest.mark.parametrize("model", history_models(), ids=lambda model: model._meta.label)
def test_the_history_manager_class_is_made_once(model):
    attribute = model._meta.simple_history_manager_attribute
    first, second = getattr(model, attribute), getattr(model, attribute)
    assert isinstance(first, HistoryManager)
    assert type(first) is type(second)


@pytest.mark.django_db
def test_a_record_still_reads_its_own_history():
    from tests.offices.factories import OfficeFactory

    office, other = OfficeFactory(), OfficeFactory()
    office.city = "Elsewhere"
    office.save()
    assert office.history.first().city == "Elsewhere"
    assert office.history.count() == 2
    assert other.history.count() == 1

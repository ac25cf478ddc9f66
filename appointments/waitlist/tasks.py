"""The engine as a Django task (the project's worker: django-tasks; ADR 0006)."""

from django_tasks import task

from ..models import Slot


@task()
def offer_open_seats(slot_ids: list, office_ids: list) -> int:
    """Offer the open seats of these offices (and of the offices of these times). Returns
    how many offers were made. Idempotent: a repeated or concurrent run offers nothing
    twice."""
    from .services import run_offers

    offices = set(office_ids) | set(
        Slot.objects.filter(pk__in=slot_ids).values_list("office_id", flat=True)
    )
    if not offices:
        return 0
    return run_offers(office_ids=sorted(offices)).offered

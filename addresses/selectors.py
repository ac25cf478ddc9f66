"""Read queries for address changes."""

from .models import AddressChange


def current_address_change(*, subject) -> AddressChange | None:
    """The latest change: the subject's current address (one indexed query)."""
    return AddressChange.objects.filter(subject=subject).order_by("-submitted_at", "-id").first()


def address_history(*, subject) -> list[AddressChange]:
    """Every change the subject sent, newest first (one query)."""
    return list(AddressChange.objects.filter(subject=subject).order_by("-submitted_at", "-id"))

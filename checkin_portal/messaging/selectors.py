"""Reads for the pages that tell a person whether their message went."""

from .models import Channel, OutboundMessage

# More than a person can send about one record in a rate-limit window.
_RECENT = 20


def latest_deliveries(*, about) -> list[OutboundMessage]:
    """The newest message about ``about`` on each channel (email first, then SMS): its
    ``status``, ``channel`` and ``destination_masked`` say what the page must tell. One
    query; the content type is matched by a join, not looked up."""
    rows = (
        OutboundMessage.objects.filter(
            related_type__app_label=about._meta.app_label,
            related_type__model=about._meta.model_name,
            related_id=about.pk,
        )
        .only("channel", "status", "destination_masked", "created_at")
        .order_by("-created_at", "-pk")[:_RECENT]
    )
    latest: dict[str, OutboundMessage] = {}
    for row in rows:
        latest.setdefault(row.channel, row)
    return [latest[channel] for channel in Channel.values if channel in latest]

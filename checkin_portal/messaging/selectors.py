"""Reads for the pages that tell a person whether their message went."""

from checkin_portal.prepared import Prepared

from .models import Channel, OutboundMessage

# More than a person can send about one record in a rate-limit window.
_RECENT = 20


# Read on every view of "My appointment": compiled once per process (issue 17).
_RECENT_ABOUT = Prepared(
    lambda app_label, model, related_id: (
        OutboundMessage.objects.filter(
            related_type__app_label=app_label,
            related_type__model=model,
            related_id=related_id,
        )
        .only("channel", "status", "destination_masked", "created_at")
        .order_by("-created_at", "-pk")[:_RECENT]
    ),
    args={"app_label": str, "model": str, "related_id": int},
)


def latest_deliveries(*, about) -> list[OutboundMessage]:
    """The newest message about ``about`` on each channel (email first, then SMS): its
    ``status``, ``channel`` and ``destination_masked`` say what the page must tell. One
    query; the content type is matched by a join, not looked up."""
    rows = _RECENT_ABOUT.objects(
        app_label=about._meta.app_label, model=about._meta.model_name, related_id=about.pk
    )
    latest: dict[str, OutboundMessage] = {}
    for row in rows:
        latest.setdefault(row.channel, row)
    return [latest[channel] for channel in Channel.values if channel in latest]

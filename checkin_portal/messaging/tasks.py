from django_tasks import task

from .delivery import deliver


@task()
def deliver_message(message_id: int) -> str:
    """Send one queued OutboundMessage (see ``delivery.deliver``)."""
    return deliver(message_id)

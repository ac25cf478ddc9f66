class DeliveryError(Exception):
    """Sending failed. ``permanent`` says whether trying again could help."""

    permanent = False


class TemporaryDeliveryError(DeliveryError):
    permanent = False


class PermanentDeliveryError(DeliveryError):
    permanent = True


class BaseSmsBackend:
    def send(self, *, to: str, body: str) -> str:
        """Send ``body`` to ``to`` (E.164); return the provider's id for the message."""
        raise NotImplementedError

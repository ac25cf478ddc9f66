import uuid
from dataclasses import dataclass

from .base import BaseSmsBackend


@dataclass(frozen=True)
class SentSms:
    to: str
    body: str
    id: str


# Like django.core.mail.outbox: tests read and clear it.
outbox: list[SentSms] = []


class LocmemSmsBackend(BaseSmsBackend):
    def send(self, *, to: str, body: str) -> str:
        message = SentSms(to=to, body=body, id=f"locmem-{uuid.uuid4().hex[:12]}")
        outbox.append(message)
        return message.id

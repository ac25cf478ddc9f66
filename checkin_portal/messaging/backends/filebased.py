import json
import uuid
from pathlib import Path

from django.conf import settings

from checkin_portal import clock

from ..privacy import mask_destination
from .base import BaseSmsBackend, TemporaryDeliveryError


class FileSmsBackend(BaseSmsBackend):
    """Appends one JSON line per message to ``SMS_FILE_PATH/sms-YYYY-MM-DD.jsonl``.
    For development and staging; the number is masked."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path or settings.SMS_FILE_PATH)

    def send(self, *, to: str, body: str) -> str:
        message_id = f"file-{uuid.uuid4().hex[:12]}"
        now = clock.now()
        record = {"id": message_id, "to": mask_destination(to), "body": body, "at": now.isoformat()}
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            with (self.path / f"sms-{now.date().isoformat()}.jsonl").open(
                "a", encoding="utf-8"
            ) as fh:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise TemporaryDeliveryError(
                f"cannot write the SMS file ({type(exc).__name__})"
            ) from None
        return message_id

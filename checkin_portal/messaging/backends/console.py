import sys
import uuid

from ..privacy import mask_destination
from .base import BaseSmsBackend


class ConsoleSmsBackend(BaseSmsBackend):
    """For the demo: prints the text; the number is masked like everywhere else."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def send(self, *, to: str, body: str) -> str:
        message_id = f"console-{uuid.uuid4().hex[:12]}"
        self.stream.write(f"SMS {message_id} to {mask_destination(to)}:\n{body}\n{'-' * 40}\n")
        self.stream.flush()
        return message_id

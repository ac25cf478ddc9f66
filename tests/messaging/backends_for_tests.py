"""SMS backends that misbehave on purpose (named by dotted path in override_settings)."""

import threading
import time

from checkin_portal.messaging.backends import (
    BaseSmsBackend,
    PermanentDeliveryError,
    TemporaryDeliveryError,
)
from checkin_portal.messaging.backends.locmem import LocmemSmsBackend

calls: list[str] = []
fail_times = {"n": 0}
_lock = threading.Lock()


def reset(failures: int = 0) -> None:
    calls.clear()
    fail_times["n"] = failures


class FlakyBackend(BaseSmsBackend):
    """Fails ``fail_times["n"]`` times with a temporary error, then delivers."""

    def send(self, *, to: str, body: str) -> str:
        calls.append(to)
        if fail_times["n"] > 0:
            fail_times["n"] -= 1
            # The provider's text includes the number: it must never be stored or logged.
            raise TemporaryDeliveryError(f"provider down while sending to {to}")
        return LocmemSmsBackend().send(to=to, body=body)


class CrashingBackend(BaseSmsBackend):
    """Raises something unexpected whose text contains the number."""

    def send(self, *, to: str, body: str) -> str:
        calls.append(to)
        raise RuntimeError(f"boom for {to}")


class RefusingBackend(BaseSmsBackend):
    def send(self, *, to: str, body: str) -> str:
        calls.append(to)
        raise PermanentDeliveryError("the provider says the number cannot get texts")


class SlowBackend(BaseSmsBackend):
    def send(self, *, to: str, body: str) -> str:
        with _lock:
            calls.append(to)
        time.sleep(0.3)
        return LocmemSmsBackend().send(to=to, body=body)

"""Delivery in the task: retries (bounded, with backoff), permanent failures, idempotence,
two workers at once, and the business write is never undone."""

import datetime
import threading

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from checkin_portal.messaging import send_message
from checkin_portal.messaging.delivery import deliver, retry_delay
from checkin_portal.messaging.models import MessageStatus, OutboundMessage
from checkin_portal.models import FaqEntry

from . import backends_for_tests

pytestmark = pytest.mark.django_db

FLAKY = "tests.messaging.backends_for_tests.FlakyBackend"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
NOW = datetime.datetime(2025, 3, 3, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _reset_test_backends():
    backends_for_tests.reset()
    yield
    backends_for_tests.reset()


def _queue(destination="+12025550123", **kwargs):
    return send_message(
        channel="sms",
        destination=destination,
        template="messaging/messages/test_message",
        context={},
        language="en",
        **kwargs,
    )


def test_retry_delay_doubles_and_is_capped():
    assert [retry_delay(n).total_seconds() for n in range(1, 6)] == [60, 120, 240, 480, 960]
    assert retry_delay(40) == datetime.timedelta(days=1)


@override_settings(SMS_BACKEND=FLAKY)
def test_a_temporary_failure_is_retried_until_it_goes(
    sms_outbox, django_capture_on_commit_callbacks
):
    backends_for_tests.reset(failures=2)
    with django_capture_on_commit_callbacks(execute=True):
        message = _queue()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.attempts == 3
    assert len(sms_outbox) == 1
    assert message.last_error.startswith("TemporaryDeliveryError")
    assert "2025550123" not in message.last_error  # the provider's text is not kept


@override_settings(SMS_BACKEND=FLAKY, MESSAGING_MAX_ATTEMPTS=4)
def test_retries_are_bounded_and_never_undo_the_business_write(
    sms_outbox, django_capture_on_commit_callbacks
):
    backends_for_tests.reset(failures=100)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        FaqEntry.objects.create(section="address", slug="business", question="Q", answer="A")
        message = _queue()
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert message.attempts == 4
    assert len(backends_for_tests.calls) == 4
    assert sms_outbox == []
    assert FaqEntry.objects.filter(slug="business").exists()


@override_settings(SMS_BACKEND="tests.messaging.backends_for_tests.RefusingBackend")
def test_a_permanent_failure_is_not_retried(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = _queue()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.FAILED, 1)
    assert len(backends_for_tests.calls) == 1


@pytest.mark.parametrize(
    "backend, attempts",
    [(FLAKY, 4), ("tests.messaging.backends_for_tests.RefusingBackend", 1)],
    ids=["retries-used-up", "permanent"],
)
def test_after_the_last_attempt_the_destination_is_erased(
    backend, attempts, django_capture_on_commit_callbacks, settings
):
    settings.SMS_BACKEND = backend
    settings.MESSAGING_MAX_ATTEMPTS = 4
    backends_for_tests.reset(failures=100)
    with django_capture_on_commit_callbacks(execute=True):
        message = _queue()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.FAILED, attempts)
    # Nothing will use it again: only the masked hint stays, for the person and staff.
    assert message.destination == ""
    assert message.destination_masked == "•••0123"
    assert not OutboundMessage.objects.filter(destination__contains="2025550123").exists()


def test_while_waiting_for_a_retry_the_destination_is_kept(django_capture_on_commit_callbacks):
    with override_settings(SMS_BACKEND=FLAKY, TASKS=DUMMY_TASKS):
        backends_for_tests.reset(failures=1)
        with django_capture_on_commit_callbacks(execute=True):
            message = _queue()
        deliver(message.pk)
    message.refresh_from_db()
    assert (message.status, message.destination) == (MessageStatus.QUEUED, "+12025550123")


def test_the_database_refuses_a_finished_message_that_keeps_its_destination():
    from django.db import IntegrityError

    message = _queue()
    message.status = MessageStatus.FAILED
    with pytest.raises(IntegrityError), transaction.atomic():
        message.save()


@override_settings(SMS_BACKEND="tests.messaging.backends_for_tests.CrashingBackend")
def test_an_unexpected_error_is_recorded_by_class_only(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = _queue()
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert message.last_error == "RuntimeError: see the class name"


@override_settings(SMS_BACKEND=FLAKY, TASKS=DUMMY_TASKS)
def test_with_a_deferring_queue_each_retry_waits_longer(django_capture_on_commit_callbacks):
    from django_tasks import default_task_backend

    backends_for_tests.reset(failures=100)
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            message = _queue()
        queued = default_task_backend.results
        assert len(queued) == 1 and queued[0].task.run_after is None
        assert queued[0].args == [message.pk]  # only the id travels through the queue

        with django_capture_on_commit_callbacks(execute=True):
            assert deliver(message.pk) == MessageStatus.QUEUED
        assert queued[-1].task.run_after == NOW + datetime.timedelta(seconds=60)
        with django_capture_on_commit_callbacks(execute=True):
            deliver(message.pk)
        assert queued[-1].task.run_after == NOW + datetime.timedelta(seconds=120)
    message.refresh_from_db()
    assert message.next_attempt_at == NOW + datetime.timedelta(seconds=120)
    assert message.attempts == 2


def test_delivering_twice_sends_once(sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = _queue()
    assert deliver(message.pk) == "skipped"
    assert deliver(999_999) == "skipped"
    assert len(sms_outbox) == 1


@override_settings(TASKS=DUMMY_TASKS)
def test_send_queued_messages_requeues_what_is_due(django_capture_on_commit_callbacks):
    from django_tasks import default_task_backend

    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            fresh = _queue()
            due = _queue(destination="+12025550124")
        OutboundMessage.objects.filter(pk=due.pk).update(
            next_attempt_at=NOW - datetime.timedelta(minutes=1)
        )
        default_task_backend.clear()
        call_command("send_queued_messages", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert [r.args for r in default_task_backend.results] == [[due.pk]]
        default_task_backend.clear()
    with time_machine.travel(NOW + datetime.timedelta(minutes=10), tick=False):
        call_command("send_queued_messages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(r.args[0] for r in default_task_backend.results) == sorted([fresh.pk, due.pk])


def test_queue_failure_after_commit_keeps_the_message_waiting(
    monkeypatch, django_capture_on_commit_callbacks
):
    from checkin_portal.messaging import delivery

    def broken(*args, **kwargs):
        raise ConnectionError("queue down")

    monkeypatch.setattr(delivery, "enqueue_delivery", broken)
    with django_capture_on_commit_callbacks(execute=True):
        message = _queue()
    message.refresh_from_db()
    assert message.status == MessageStatus.QUEUED


@pytest.mark.django_db(transaction=True)
@override_settings(SMS_BACKEND="tests.messaging.backends_for_tests.SlowBackend")
def test_two_workers_never_send_the_same_message(sms_outbox):
    with override_settings(TASKS=DUMMY_TASKS):
        message = _queue()  # autocommit: queued on the dummy backend, not delivered
    results = []

    def worker():
        try:
            results.append(deliver(message.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["sent", "skipped"]
    assert len(sms_outbox) == 1
    assert len(backends_for_tests.calls) == 1

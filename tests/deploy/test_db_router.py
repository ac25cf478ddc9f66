"""The read-replica router (checkin_portal/db_routers.py): off by default; reads go to the
replica only when asked, never for sessions/cache/tasks, never inside a transaction.
The end-to-end check against a real second connection is in test_production_server.py."""

import threading

import pytest
from django.db import transaction
from django.test import RequestFactory

from checkin_portal import db_routers
from checkin_portal.db_routers import ReplicaReadsMiddleware, ReplicaRouter, replica_reads
from checkin_portal.models import FaqEntry
from offices.models import Office
from subjects.models import Subject
from subjects.models import SubjectSession as Session


@pytest.fixture
def with_replica(monkeypatch):
    monkeypatch.setattr(db_routers, "replica_configured", lambda: True)


router = ReplicaRouter()


def test_off_by_default(settings):
    assert "replica" not in settings.DATABASES
    assert not getattr(settings, "DATABASE_ROUTERS", [])
    assert "checkin_portal.db_routers.ReplicaReadsMiddleware" not in settings.MIDDLEWARE
    with replica_reads():
        assert router.db_for_read(Office) is None


def test_reads_stay_on_the_primary_unless_asked(with_replica):
    assert router.db_for_read(Office) is None
    with replica_reads():
        assert router.db_for_read(Office) == "replica"
        assert router.db_for_read(FaqEntry) == "replica"
        assert router.db_for_read(Subject) == "replica"
    assert router.db_for_read(Office) is None


def test_sessions_cache_tasks_and_auth_always_read_the_primary(with_replica):
    from django.contrib.auth.models import User
    from django_tasks_db.models import DBTaskResult

    class CacheEntry:  # what DatabaseCache routes with
        class _meta:
            app_label = "django_cache"

    with replica_reads():
        for model in (Session, DBTaskResult, User, CacheEntry):
            assert router.db_for_read(model) is None, model


@pytest.mark.django_db(transaction=True)  # not inside the test's own transaction
def test_reads_inside_a_transaction_see_their_own_writes(with_replica):
    with replica_reads():
        with transaction.atomic():
            assert router.db_for_read(Office) is None
        assert router.db_for_read(Office) == "replica"


def test_writes_and_migrations_only_on_the_primary():
    with replica_reads():
        assert router.db_for_write(Office) == "default"
    assert router.allow_migrate("default", "offices")
    assert not router.allow_migrate("replica", "offices")


def test_objects_from_either_database_may_be_related():
    office, subject = Office(), Subject()
    office._state.db, subject._state.db = "replica", "default"
    assert router.allow_relation(office, subject) is True
    subject._state.db = "other"
    assert router.allow_relation(office, subject) is None


def test_decorator_and_nesting(with_replica):
    @replica_reads()
    def selector():
        return router.db_for_read(Office)

    assert selector() == "replica"
    assert router.db_for_read(Office) is None
    with replica_reads():
        with replica_reads():
            pass
        assert router.db_for_read(Office) == "replica"


def test_scope_is_per_thread(with_replica):
    seen = {}
    inside = threading.Event()
    done = threading.Event()

    def in_scope():
        with replica_reads():
            inside.set()
            done.wait(5)

    worker = threading.Thread(target=in_scope)
    worker.start()
    inside.wait(5)
    seen["other thread"] = router.db_for_read(Office)
    done.set()
    worker.join()
    assert seen == {"other thread": None}


def test_middleware_not_used_without_a_replica():
    from django.core.exceptions import MiddlewareNotUsed

    with pytest.raises(MiddlewareNotUsed):
        ReplicaReadsMiddleware(lambda request: None)


@pytest.mark.parametrize(
    ("method", "view_name", "expected"),
    [
        ("GET", "tutorial", "replica"),
        ("HEAD", "help", "replica"),
        ("POST", "help", None),
        ("GET", "subjects:my_checkin", None),
    ],
)
def test_middleware_serves_listed_get_views_from_the_replica(
    with_replica, settings, method, view_name, expected
):
    settings.DATABASE_REPLICA_VIEWS = ["tutorial", "help"]
    middleware = ReplicaReadsMiddleware(lambda request: "not reached")
    request = RequestFactory().generic(method, "/en/anything/")
    request.resolver_match = type("Match", (), {"view_name": view_name})()

    def view(request):
        return router.db_for_read(Office)

    result = middleware.process_view(request, view, (), {})
    if expected is None:
        assert result is None  # the view runs normally, on the primary
    else:
        assert result == expected

"""scripts/scheduler.py: when each periodic job runs, and that a failing or hanging job
is reported without stopping the others. (Running every job for real against the
production configuration is in test_production_server.py.)"""

import datetime
import importlib.util
import json
import subprocess
import sys
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
UTC = datetime.UTC
NEW_YORK = ZoneInfo("America/New_York")

_spec = importlib.util.spec_from_file_location(
    "portal_scheduler", ROOT / "scripts" / "scheduler.py"
)
scheduler = importlib.util.module_from_spec(_spec)
sys.modules["portal_scheduler"] = scheduler
_spec.loader.exec_module(scheduler)

HOURLY = next(job for job in scheduler.JOBS if job.name == "reminders")
NIGHTLY = next(job for job in scheduler.JOBS if job.name == "slots")
PLAN = scheduler.Plan(NEW_YORK, 5, datetime.time(4, 15))


def at(*args, tz=UTC):
    return datetime.datetime(*args, tzinfo=tz)


def test_jobs_cover_the_periodic_commands():
    commands = {job.command[0]: job.every for job in scheduler.JOBS}
    assert commands == {
        "send_appointment_reminders": "hourly",
        "send_queued_messages": "hourly",
        "run_offers": "hourly",
        "generate_slots": "nightly",
        "clearsessions": "nightly",
        "prune_db_task_results": "nightly",
    }


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(2027, 1, 10, 10, 4, 59), at(2027, 1, 10, 10, 5)),
        (at(2027, 1, 10, 10, 5), at(2027, 1, 10, 11, 5)),  # strictly after
        (at(2027, 1, 10, 23, 30), at(2027, 1, 11, 0, 5)),
    ],
)
def test_hourly(now, expected):
    assert PLAN.next_run(HOURLY, now) == expected


@pytest.mark.parametrize(
    ("now", "expected_local"),
    [
        (at(2027, 1, 10, 12, 0), at(2027, 1, 11, 4, 15, tz=NEW_YORK)),
        (at(2027, 1, 10, 9, 14), at(2027, 1, 10, 4, 15, tz=NEW_YORK)),  # 04:14 EST
        # The nights of the clock changes (2027-03-14 and 2027-11-07): still 04:15 local.
        (at(2027, 3, 14, 5, 0), at(2027, 3, 14, 4, 15, tz=NEW_YORK)),
        (at(2027, 11, 7, 5, 0), at(2027, 11, 7, 4, 15, tz=NEW_YORK)),
    ],
)
def test_nightly_in_local_time_across_clock_changes(now, expected_local):
    result = PLAN.next_run(NIGHTLY, now)
    assert result == expected_local
    assert result.astimezone(NEW_YORK).time() == datetime.time(4, 15)


def test_nightly_at_a_skipped_wall_time_still_runs_that_night():
    plan = scheduler.Plan(NEW_YORK, 5, datetime.time(2, 30))  # 02:30 does not exist 03-14
    result = plan.next_run(NIGHTLY, at(2027, 3, 14, 5, 0))  # 00:00 EST
    assert result.astimezone(NEW_YORK).date() == datetime.date(2027, 3, 14)
    assert plan.next_run(NIGHTLY, result) > result + datetime.timedelta(hours=20)


def test_plan_from_environment():
    plan = scheduler.Plan.from_env(
        {"TIME_ZONE": "America/Chicago", "SCHEDULER_NIGHTLY_AT": "03:45"}
    )
    assert (str(plan.zone), plan.nightly_at, plan.hourly_minute) == (
        "America/Chicago",
        datetime.time(3, 45),
        5,
    )
    with pytest.raises(ValueError):
        scheduler.Plan.from_env({"SCHEDULER_HOURLY_MINUTE": "61"})


def test_a_failing_and_a_hanging_job_are_reported_and_the_rest_still_run(caplog):
    ok = scheduler.Job("check", ("check",), "hourly", 60)
    failing = scheduler.Job("broken", ("no_such_command",), "hourly", 60)
    hanging = scheduler.Job("stuck", ("shell", "-c", "import time; time.sleep(30)"), "hourly", 2)
    with caplog.at_level("INFO", logger="checkin_portal.scheduler"):
        assert scheduler.run_once([failing, hanging, ok]) is False
    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("job broken failed (exit 1)") for m in messages), messages
    assert any(m == "job stuck stopped after 2 s" for m in messages), messages
    assert any(m.startswith("job check done in") for m in messages), messages


def test_loop_runs_everything_at_start_then_stops_on_request(monkeypatch):
    ran = []
    monkeypatch.setattr(scheduler, "run_job", lambda job: ran.append(job.name) or True)
    stop = threading.Event()
    stop.set()
    scheduler.loop(PLAN, stop)
    assert ran == [job.name for job in scheduler.JOBS]


def test_plan_command_line():
    result = subprocess.run(
        [sys.executable, "scripts/scheduler.py", "--plan"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        env={"PATH": "/usr/bin:/bin", "TIME_ZONE": "America/New_York"},
    )
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [row[0] for row in rows] == [job.name for job in scheduler.JOBS]
    for _name, when, _command in rows:
        assert datetime.datetime.fromisoformat(when) > datetime.datetime.now(UTC)


def test_log_lines_are_json(capsys):
    import logging

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        scheduler._configure_logging()
        scheduler.logger.info("job %s done", "x")
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (line["logger"], line["message"]) == ("checkin_portal.scheduler", "job x done")

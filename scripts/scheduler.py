"""The portal's periodic jobs, for the compose ``scheduler`` service (run ONE of it).

    hourly, at minute SCHEDULER_HOURLY_MINUTE (default 5):
        send_appointment_reminders, send_queued_messages (the safety net for messages
        whose task was lost, e.g. the queue was down when they were saved), run_offers
        (the waiting list's safety net: expired offers, open earlier seats)
    nightly, at SCHEDULER_NIGHTLY_AT (default 04:15) in SCHEDULER_TIME_ZONE (default TIME_ZONE):
        generate_slots, clearsessions, prune_db_task_results

On start it runs every job once: each is idempotent (a reminder goes out once, even when two
copies run at the same time; slot generation never changes a booked time), so a restart
or a scheduler that was down catches up at once. Each job is its own
``python manage.py ...`` process with a time limit, so one failing or hanging job
cannot stop the others or the loop. Logs are JSON lines on stdout (LOG_FORMAT=plain for a
terminal). SIGTERM stops it between jobs.

Why not cron: Debian's cron wants root and drops the environment the settings come from,
and supercronic is a binary downloaded from outside the package registries; this loop runs
as the image's unprivileged user with the same environment and log format as the web.
The nightly time stays clear of 01:00-03:00, when daylight-saving changes happen in the US.

    python scripts/scheduler.py            # the loop
    python scripts/scheduler.py --once     # every job once, then exit (non-zero if one failed)
    python scripts/scheduler.py --plan     # the next run of each job, then exit
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checkin_portal.logs import JsonFormatter, PlainFormatter, PrivacyFilter  # noqa: E402

logger = logging.getLogger("checkin_portal.scheduler")


@dataclass(frozen=True)
class Job:
    name: str
    command: tuple[str, ...]
    every: str  # "hourly" or "nightly"
    timeout: int  # seconds


JOBS = (
    Job("reminders", ("send_appointment_reminders",), "hourly", 30 * 60),
    Job("queued-messages", ("send_queued_messages",), "hourly", 10 * 60),
    Job("offers", ("run_offers",), "hourly", 10 * 60),
    Job("slots", ("generate_slots",), "nightly", 2 * 60 * 60),
    Job("sessions", ("clearsessions",), "nightly", 30 * 60),
    Job("task-results", ("prune_db_task_results", "--queue-name", "*"), "nightly", 30 * 60),
)


@dataclass(frozen=True)
class Plan:
    zone: ZoneInfo
    hourly_minute: int
    nightly_at: datetime.time

    @classmethod
    def from_env(cls, environ=os.environ) -> Plan:
        zone = environ.get("SCHEDULER_TIME_ZONE") or environ.get("TIME_ZONE") or "UTC"
        hour, minute = (
            int(part) for part in environ.get("SCHEDULER_NIGHTLY_AT", "04:15").split(":")
        )
        hourly_minute = int(environ.get("SCHEDULER_HOURLY_MINUTE", "5"))
        if not 0 <= hourly_minute <= 59:
            raise ValueError("SCHEDULER_HOURLY_MINUTE must be 0-59")
        return cls(ZoneInfo(zone), hourly_minute, datetime.time(hour, minute))

    def next_run(self, job: Job, after: datetime.datetime) -> datetime.datetime:
        """The first time strictly after ``after`` (aware) at which ``job`` is due."""
        if job.every == "hourly":
            # Counted in UTC: an hour is an hour, whatever the clocks do.
            moment = after.astimezone(datetime.UTC).replace(
                minute=self.hourly_minute, second=0, microsecond=0
            )
            if moment <= after:
                moment += datetime.timedelta(hours=1)
            return moment
        local = after.astimezone(self.zone)
        day = local.date()
        while True:
            moment = datetime.datetime.combine(day, self.nightly_at, tzinfo=self.zone)
            # A wall time skipped or repeated by a clock change: take its first occurrence.
            moment = moment.replace(fold=0).astimezone(datetime.UTC)
            if moment > after:
                return moment
            day += datetime.timedelta(days=1)


def run_job(job: Job, python: str = sys.executable) -> bool:
    started = datetime.datetime.now(datetime.UTC)
    try:
        result = subprocess.run(
            [python, "manage.py", *job.command],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=job.timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        logger.error("job %s stopped after %d s", job.name, job.timeout)
        return False
    seconds = (datetime.datetime.now(datetime.UTC) - started).total_seconds()
    # The commands print counts only ("3 reminder message(s) queued."): safe to log.
    summary = " ".join(result.stdout.split())[-300:]
    if result.returncode == 0:
        logger.info("job %s done in %.1f s: %s", job.name, seconds, summary)
        return True
    last_error_line = (result.stderr.strip().splitlines() or ["(no output)"])[-1][:300]
    logger.error(
        "job %s failed (exit %d) in %.1f s: %s",
        job.name,
        result.returncode,
        seconds,
        last_error_line,
    )
    return False


def run_once(jobs=JOBS) -> bool:
    results = [run_job(job) for job in jobs]  # every job runs, even after a failure
    return all(results)


def loop(plan: Plan, stop: threading.Event, jobs=JOBS) -> None:
    run_once(jobs)
    now = datetime.datetime.now(datetime.UTC)
    due = {job: plan.next_run(job, now) for job in jobs}
    while not stop.is_set():
        job, when = min(due.items(), key=lambda item: item[1])
        wait = (when - datetime.datetime.now(datetime.UTC)).total_seconds()
        if wait > 0 and stop.wait(min(wait, 60)):
            break
        if datetime.datetime.now(datetime.UTC) < when:
            continue
        run_job(job)
        due[job] = plan.next_run(job, datetime.datetime.now(datetime.UTC))


def _configure_logging() -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        PlainFormatter() if os.environ.get("LOG_FORMAT") == "plain" else JsonFormatter()
    )
    handler.addFilter(PrivacyFilter())
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="run every job once, then exit")
    mode.add_argument("--plan", action="store_true", help="print the next run of each job")
    args = parser.parse_args(argv)
    _configure_logging()
    plan = Plan.from_env()
    if args.plan:
        now = datetime.datetime.now(datetime.UTC)
        for job in JOBS:
            print(f"{job.name}\t{plan.next_run(job, now).isoformat()}\t{' '.join(job.command)}")
        return 0
    if args.once:
        return 0 if run_once() else 1
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    logger.info("scheduler started (%s)", ", ".join(f"{j.name} {j.every}" for j in JOBS))
    loop(plan, stop)
    logger.info("scheduler stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())

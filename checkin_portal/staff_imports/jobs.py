"""Background imports: a file over the synchronous limit becomes an ``ImportJob``; the
task worker (django-tasks, as for messages) runs it through the same resource and runner
as the screen, all or nothing, and writes its progress where the staff member's page
reads it."""

from __future__ import annotations

import logging

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from checkin_portal import clock

from .models import ImportJob, ImportJobStatus
from .resources import ImportFileError
from .runner import Outcome, run_import

logger = logging.getLogger(__name__)

# Problems kept on a job's page: enough to fix a file; the count says how many in all.
MAX_LISTED_ERRORS = 1000


def import_job_create(*, user, resource_class, title: str, file_name: str, text: str, rows: int):
    """Save the file as a job and queue it once the job is committed."""
    job = ImportJob.objects.create(
        created_by=user,
        resource=f"{resource_class.__module__}.{resource_class.__qualname__}",
        title=title[:100],
        file_name=file_name[:255],
        content=text,
        total_rows=rows,
    )
    transaction.on_commit(lambda: import_job_enqueue(job.pk))
    return job


def import_job_enqueue(job_id: int) -> None:
    from .tasks import run_import_job

    try:
        run_import_job.enqueue(job_id)
    except Exception:
        # The job stays waiting; its page says so, and staff can upload the file again.
        logger.exception("import job %s could not be queued", job_id)


class ProgressWriter:
    """Writes the rows read so far on a connection of its own: the import's transaction
    is not committed until the end, and the page must see the count before that."""

    def __init__(self, job_id: int):
        self.job_id = job_id
        self.connection = None

    def __call__(self, rows: int) -> None:
        try:
            if self.connection is None:
                self.connection = connections.create_connection(DEFAULT_DB_ALIAS)
            with self.connection.cursor() as cursor:
                cursor.execute(
                    # The table name is the model's own; the values are parameters.
                    f"UPDATE {ImportJob._meta.db_table} SET processed_rows = %s WHERE id = %s",  # noqa: S608
                    [rows, self.job_id],
                )
        except Exception:  # progress is a courtesy: never stop the import for it
            logger.warning("import job %s: progress not written", self.job_id, exc_info=True)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


def import_job_run(*, job_id: int) -> str:
    """Run a waiting job (a job already taken by another worker is left alone)."""
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJobStatus.QUEUED).update(
        status=ImportJobStatus.RUNNING
    )
    if not claimed:
        return "not waiting"
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    progress = ProgressWriter(job.pk)
    try:
        outcome = run_import(
            import_string(job.resource)(),
            job.content,
            dry_run=job.dry_run,
            user=job.created_by,
            progress=progress,
        )
    except ImportFileError as error:
        outcome = Outcome(errors=[(0, str(error))])
    except Exception:
        logger.exception("import job %s stopped", job_id)
        outcome = Outcome(errors=[(0, _("The import stopped on an unexpected error."))])
    finally:
        progress.close()
    _finish(job, outcome)
    return job.status


def _finish(job: ImportJob, outcome: Outcome) -> None:
    job.status = ImportJobStatus.DONE if outcome.ok else ImportJobStatus.FAILED
    job.processed_rows = job.total_rows if outcome.ok else outcome.total or job.total_rows
    job.created_count = outcome.created if outcome.saved else 0
    job.updated_count = outcome.updated if outcome.saved else 0
    job.unchanged_count = outcome.unchanged if outcome.saved else 0
    job.errors = [[line, message] for line, message in outcome.errors[:MAX_LISTED_ERRORS]]
    job.error_count = len(outcome.errors)
    job.content = ""  # people's data: kept no longer than the import needs it
    job.finished_at = clock.now()
    job.save()

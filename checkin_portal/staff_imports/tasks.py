from django_tasks import task

from .jobs import import_job_run


@task()
def run_import_job(job_id: int) -> str:
    """Run one background staff import (see ``jobs.import_job_run``)."""
    return import_job_run(job_id=job_id)

"""A staff import that runs in the background (a file over the synchronous limit)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ImportJobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Not imported")


class ImportJob(models.Model):
    """One uploaded file, its progress and its outcome. Seen only by the staff member who
    uploaded it (and superusers). The file's text is erased when the job ends."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    resource = models.CharField(_("resource"), max_length=200)
    title = models.CharField(_("what"), max_length=100)
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    content = models.TextField(_("file content"), blank=True)
    dry_run = models.BooleanField(_("only check"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportJobStatus.choices, default=ImportJobStatus.QUEUED
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows read"), default=0)
    created_count = models.PositiveIntegerField(pgettext_lazy("rows", "created"), default=0)
    updated_count = models.PositiveIntegerField(pgettext_lazy("rows", "updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    # [[line, message], ...]: every problem found; when there is any, nothing was saved.
    errors = models.JSONField(_("problems"), default=list, blank=True)
    error_count = models.PositiveIntegerField(_("problems found"), default=0)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.title}: {self.file_name}"

    @property
    def finished(self) -> bool:
        return self.status in {ImportJobStatus.DONE, ImportJobStatus.FAILED}

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 100 if self.finished else 0
        return min(100, self.processed_rows * 100 // self.total_rows)

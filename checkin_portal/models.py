from django.db import models
from django.utils.translation import gettext_lazy as _


class FaqSection(models.TextChoices):
    SCHEDULING = "scheduling", _("Booking and changing an appointment")
    CHECK_IN = "check_in", _("Your check-in appointment")
    ADDRESS = "address", _("Changing your address")


class FaqEntry(models.Model):
    """A question and answer on the help page. Question and answer are translated
    (django-modeltranslation: ``question_en``, ``question_es``, ...) and edited by staff.

    The answer is plain text: a blank line starts a new paragraph and lines that start
    with "- " become a bulleted list (see ``portal_tags.plain_text``). No HTML is trusted.

    The shipped entries come from ``checkin_portal/content/faq.py`` and the catalogues
    (``manage.py load_faq``); ``loaded_fingerprints`` remembers, per translated field, a
    fingerprint of the text last loaded, so a text staff changed since is never overwritten.
    """

    section = models.CharField(_("section"), max_length=20, choices=FaqSection.choices)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    loaded_fingerprints = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["section", "position", "id"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")
        indexes = [models.Index(fields=["section", "position"], name="faq_section_position")]

    def __str__(self) -> str:
        return self.question

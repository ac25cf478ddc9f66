"""Create or update the help page's questions and answers from the shipped content.

Run after every ``migrate`` (deployment's migrate job, ``make run``). Idempotent; never
overwrites a text staff edited (see ``checkin_portal/content/loading.py``)."""

from django.core.management.base import BaseCommand

from checkin_portal.content.loading import faq_load


class Command(BaseCommand):
    help = "Create or update the FAQ entries from checkin_portal/content and the catalogues."

    def handle(self, *args, **options):
        result = faq_load()
        self.stdout.write(
            f"FAQ: {len(result.created)} created, {len(result.updated)} updated, "
            f"{len(result.unchanged)} unchanged, {len(result.kept)} staff text(s) kept"
        )
        for slug, field in result.kept:
            self.stdout.write(f"  kept staff text: {slug} {field}")

"""Sign-in: one attempt, from the checked form values to a result the view can show."""

from dataclasses import dataclass

from django.http import HttpRequest

from checkin_portal.client_address import client_address

from . import selectors, throttle
from .models import Subject
from .session import subject_sign_in


@dataclass(frozen=True)
class SignInResult:
    subject: Subject | None = None
    lockout: throttle.Lockout | None = None

    @property
    def ok(self) -> bool:
        return self.subject is not None


def sign_in_attempt(
    *, request: HttpRequest, subject_id: str, country_of_birth: str
) -> SignInResult:
    """Check a normalised Subject ID and country code; sign in on a match.

    An unknown ID and a known ID with the wrong country go down the same path (one query,
    one failure counted, the same result), so the answer never tells whether an ID exists.
    While the ID or the client address is locked out nothing is looked up.
    """
    address = client_address(request)
    check = throttle.sign_in_check(subject_id=subject_id, address=address)
    if check.lockout is not None:
        return SignInResult(lockout=check.lockout)
    subject = selectors.subject_for_sign_in(
        subject_id=subject_id, country_of_birth=country_of_birth
    )
    if subject is None:
        return SignInResult(lockout=throttle.failure_record(subject_id=subject_id, address=address))
    throttle.success_record(subject_id=subject_id, check=check)
    subject_sign_in(request, subject)
    return SignInResult(subject=subject)


def subject_note_language(*, subject: Subject, language: str) -> None:
    """Remember the language of the person's signed-in page. One write only when it
    changes (not on every request), and no history row or ``updated_at`` for it."""
    if language and subject.last_language != language:
        Subject.objects.filter(pk=subject.pk).update(last_language=language)
        subject.last_language = language

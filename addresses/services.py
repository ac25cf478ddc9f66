"""Writes for address changes: one transaction each, keyword-only arguments."""

import datetime
import logging
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from checkin_portal import clock
from checkin_portal.integrity import is_duplicate_of, refused_rule
from checkin_portal.messaging import MessagingError, send_message

from .guidance import Agency, Answer, guidance_plan
from .models import AddressChange, AddressChangeStatus, ConfirmationChannel
from .normalise import Address
from .office_areas import office_area_for
from .receipts import format_receipt_number, new_receipt_number

logger = logging.getLogger(__name__)

CONFIRMATION_TEMPLATE = "addresses/messages/change_received"


@dataclass(frozen=True)
class AddressDraft:
    """What the person typed, normalised, waiting for "is this right?". Lives in the
    session (JSON) between the form and the confirmation; the token makes the final POST
    idempotent."""

    address: Address
    move_date: datetime.date
    phone: str
    email: str
    confirmation: str
    token: str

    def to_session(self) -> dict:
        return {
            "address": self.address.as_dict(),
            "move_date": self.move_date.isoformat(),
            "phone": self.phone,
            "email": self.email,
            "confirmation": self.confirmation,
            "token": self.token,
        }

    @classmethod
    def from_session(cls, data) -> "AddressDraft | None":
        try:
            return cls(
                address=Address(**data["address"]),
                move_date=datetime.date.fromisoformat(data["move_date"]),
                phone=data["phone"],
                email=data["email"],
                confirmation=data["confirmation"],
                token=data["token"],
            )
        except (KeyError, TypeError, ValueError):
            return None

    @staticmethod
    def new_token() -> str:
        return secrets.token_hex(16)


@dataclass(frozen=True)
class SubmitResult:
    change: AddressChange
    created: bool
    # A translated sentence when the confirmation message could not be queued.
    message_problem: str = ""


def subject_plan(*, subject, move_date: datetime.date | None):
    """The guidance for this subject's record (their release form and answers)."""
    return guidance_plan(
        release_form=subject.release_form,
        credible_fear=Answer.YES if subject.credible_fear_filed else Answer.NO,
        work_permit=Answer.YES if subject.ead_applied else Answer.NO,
        move_date=move_date,
    )


class AddressNotSaved(Exception):
    """The database refused the draft for a reason its form should have caught (a draft
    from an older form in a session, a rule the form does not know). Nothing was saved;
    ``message`` is safe to show."""

    message = _(
        "We could not save this address. Nothing was sent. Check the address below and "
        "send it again."
    )


def _create(*, subject, draft: AddressDraft, language: str) -> AddressChange:
    address = draft.address
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return AddressChange.objects.create(
                    subject=subject,
                    receipt_number=new_receipt_number(),
                    submission_token=draft.token,
                    street=address.street,
                    unit=address.unit,
                    city=address.city,
                    state=address.state,
                    zip_code=address.zip_code,
                    in_care_of=address.in_care_of,
                    move_date=draft.move_date,
                    phone=draft.phone,
                    email=draft.email,
                    confirmation_channel=draft.confirmation,
                    language=language,
                    office_area=office_area_for(state=address.state, zip_code=address.zip_code),
                    status=AddressChangeStatus.RECEIVED,
                    submitted_at=clock.now(),
                )
        except IntegrityError as error:
            if is_duplicate_of(error, model=AddressChange, field="receipt_number"):
                continue  # a receipt number collision (1 in 10^12): draw another
            if is_duplicate_of(error, model=AddressChange, field="submission_token"):
                raise  # sent already: the caller answers with that change
            # Any other rule fails the same way every time: no retry, no 500.
            logger.warning("address change refused by the database (%s)", refused_rule(error))
            raise AddressNotSaved from error
    raise RuntimeError("could not draw a free receipt number")


def _send_confirmation(*, change: AddressChange, subject, language: str, session_key) -> str:
    destination = change.phone if change.confirmation_channel == "sms" else change.email
    with translation.override(language):
        plan = subject_plan(subject=subject, move_date=change.move_date)
        remaining = plan.without(Agency.ICE)
    try:
        with transaction.atomic():
            send_message(
                channel=change.confirmation_channel,
                destination=destination,
                template=CONFIRMATION_TEMPLATE,
                context={
                    "receipt_number": format_receipt_number(change.receipt_number),
                    "address_lines": change.address.lines,
                    "move_date": change.move_date,
                    "submitted_at": change.submitted_at,
                    "remaining_steps": remaining,
                    "finish_by": plan.finish_by,
                },
                language=language,
                session_key=session_key,
                about=change,
            )
    except MessagingError as exc:
        logger.info(
            "address change %s: confirmation not queued (%s)", change.pk, type(exc).__name__
        )
        return str(exc.user_message)
    except Exception:
        # The change is already saved: whatever happens to its message (the cache, the
        # database cache, a template) the person keeps their receipt (ADR 0010).
        logger.exception("address change %s: confirmation failed", change.pk)
        return str(MessagingError.user_message)
    return ""


def address_change_submit(
    *, subject, draft: AddressDraft, language: str, session_key: str | None = None
) -> SubmitResult:
    """Record the change (a new row; nothing is overwritten) and, when asked, queue the
    confirmation message. The same draft submitted twice, even at the same moment,
    gives the same change. The change is committed first and its message follows, so a
    message that cannot be queued, for any reason, never undoes the change."""
    try:
        with transaction.atomic():
            change = _create(subject=subject, draft=draft, language=language)
    except IntegrityError:
        existing = AddressChange.objects.get(submission_token=draft.token)
        if existing.subject_id != subject.pk:
            raise
        return SubmitResult(change=existing, created=False)
    logger.info("address change %s received", change.pk)
    problem = ""
    if change.confirmation_channel != ConfirmationChannel.NONE:
        problem = _send_confirmation(
            change=change, subject=subject, language=language, session_key=session_key
        )
    return SubmitResult(change=change, created=True, message_problem=problem)


def address_change_mark_processed(*, change: AddressChange, user) -> bool:
    """Staff: mark a received change as processed, recording who and when. Returns False
    when it was already processed (nothing changes)."""
    with transaction.atomic():
        locked = AddressChange.objects.select_for_update().get(pk=change.pk)
        if locked.status == AddressChangeStatus.PROCESSED:
            return False
        locked.status = AddressChangeStatus.PROCESSED
        locked.processed_at = clock.now()
        locked.processed_by = user
        locked.save(update_fields=["status", "processed_at", "processed_by"])
    return True

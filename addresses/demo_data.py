"""Demo address changes for the staff queue (made-up people and places). Idempotent:
fixed receipt numbers; rows are created only once and only for demo subjects that exist
(the subjects app loads them first)."""

import datetime

from django.db import transaction
from django.db.models import Q

from checkin_portal import clock

from .models import AddressChange
from .office_areas import office_area_for

DEMO_CHANGES = [
    # (receipt, street, unit, city, state, zip, in care of, days ago)
    ("DEM0ADR1", "180 TED TURNER DR SW", "STE 522", "ATLANTA", "GA", "30303", "", 6),
    ("DEM0ADR2", "PO BOX 1234", "", "AUSTIN", "TX", "78701", "EXAMPLE LEGAL AID", 3),
    ("DEM0ADR3", "1 MAIN ST", "APT 2", "NEWARK", "NJ", "07102", "", 1),
]


def load(stdout) -> None:
    from subjects.models import Subject

    subjects = list(Subject.objects.order_by("pk")[: len(DEMO_CHANGES)])
    if not subjects:
        stdout.write("  addresses: no demo subjects yet, no address changes created")
        return
    created = 0
    now = clock.now()
    with transaction.atomic():
        for subject, row in zip(subjects, DEMO_CHANGES, strict=False):
            receipt, street, unit, city, state, zip_code, care_of, days_ago = row
            if AddressChange.objects.filter(receipt_number=receipt).exists():
                continue
            AddressChange.objects.create(
                subject=subject,
                receipt_number=receipt,
                submission_token=f"demo-{receipt.lower()}",
                street=street,
                unit=unit,
                city=city,
                state=state,
                zip_code=zip_code,
                in_care_of=care_of,
                move_date=(now - datetime.timedelta(days=days_ago + 2)).date(),
                language="en",
                office_area=office_area_for(state=state, zip_code=zip_code),
                submitted_at=now - datetime.timedelta(days=days_ago),
            )
            created += 1
    stdout.write(f"  addresses: {created} demo address change(s) created")


def reset(stdout) -> None:
    """``load_demo_data --reset``: drop every address change of a demo person (those sent
    during a demo too) and the messages about them; ``load`` then recreates the listed ones."""
    from checkin_portal.messaging.api import forget_messages_about
    from subjects.demo_data import DEMO_SUBJECT_IDS

    receipts = [row[0] for row in DEMO_CHANGES]
    changes = AddressChange.objects.filter(
        Q(subject__subject_id__in=DEMO_SUBJECT_IDS) | Q(receipt_number__in=receipts)
    )
    forget_messages_about(model=AddressChange, ids=list(changes.values_list("pk", flat=True)))
    deleted, _ = changes.delete()
    stdout.write(f"  addresses: {deleted} demo address changes removed")

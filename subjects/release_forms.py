"""The release forms a person may hold, and where each one's reporting details are printed.

Facts carried over from the public page the product is modelled on (see DESIGN.md): people
released with a Notice to Appear find their reporting details on the Order of Recognizance;
everyone else on the Call-In Letter. This module is data only so that the sign-in, the help
page and the address-change guidance share one source of truth.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReleaseForm(models.TextChoices):
    NOTICE_TO_APPEAR = "nta", _("Notice to Appear (Form I-862)")
    EXPEDITED_REMOVAL = "er", _("Notice and Order of Expedited Removal (Form I-860)")
    PAROLE_ATD = "parole_atd", _("Parole with Alternatives to Detention (ATD)")
    NOTICE_TO_REPORT = "ntr", _("Notice to Report (Form I-385)")
    OTHER = "other", _("Another form, or I am not sure")


@dataclass(frozen=True)
class ReportingDocument:
    form_number: str
    title: object  # a lazy translated string


ORDER_OF_RECOGNIZANCE = ReportingDocument("I-220A", _("Order of Release on Recognizance"))
CALL_IN_LETTER = ReportingDocument("G-56", _("Call-In Letter"))

REPORTING_DOCUMENT: dict[str, ReportingDocument] = {
    ReleaseForm.NOTICE_TO_APPEAR: ORDER_OF_RECOGNIZANCE,
    ReleaseForm.EXPEDITED_REMOVAL: CALL_IN_LETTER,
    ReleaseForm.PAROLE_ATD: CALL_IN_LETTER,
    ReleaseForm.NOTICE_TO_REPORT: CALL_IN_LETTER,
}


def reporting_document_rows() -> list[tuple[str, ReportingDocument]]:
    """(release form label, document) for each form whose document is known, in order."""
    return [(ReleaseForm(code).label, doc) for code, doc in REPORTING_DOCUMENT.items()]

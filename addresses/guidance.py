"""Which agencies need a new address, by when, and how: the rules as data.

Source of the facts: the public check-in page the product is modelled on (DESIGN.md,
"Agency guidance") and each agency's own published rule. The whole table is pinned by a
golden file, ``tests/addresses/golden/guidance.json``; change it only on purpose
(``UPDATE_GOLDEN=1 pytest tests/addresses/test_guidance.py``) and review the diff.

Who needs the new address (``RELEASE_FORM_AGENCIES`` plus the extras):

=========================  =======================================================
release form               agencies
=========================  =======================================================
Notice to Appear (I-862)   ICE + EOIR (the immigration court)
Expedited Removal (I-860)  ICE + USCIS
Parole + ATD               ICE (+ USCIS if work permission was applied for)
Notice to Report (I-385)   ICE
another / not sure         ICE, and ask the help line which others
=========================  =======================================================

* A credible-fear filing adds USCIS, whatever the release form.
* An application for work permission (Form I-765) adds USCIS. The source page names it
  for Parole + ATD; we apply it to every release form because USCIS writes to people
  about a pending application at the address it has (and Form AR-11 is owed to USCIS by
  nearly every noncitizen anyway). Telling USCIS once too often harms no one; missing it
  can lose a work permit.
* "Not sure" to either question counts as "yes" and says why: an extra notice is harmless.

Deadlines (see ``addresses.deadlines`` for how days are counted):

* ICE: 5 business days after the move.
* EOIR: 5 working days (the same count), on Form EOIR-33/IC.
* USCIS: 10 days on Form AR-11. These are **calendar** days (8 U.S.C. 1305 says
  "within ten days"; weekends and holidays count and a due date on a weekend is not
  moved).
* Whatever the rule, we advise finishing with every agency within 5 business days.

Where: addresses and phone numbers of the *other* agencies live in this table (they are
part of the facts the golden file pins; a change is a reviewed code change). ICE's own
help line is the ``HELP_LINE_PHONE`` setting, as everywhere in the portal.
"""

import datetime
import enum
from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from checkin_portal.phones import phone_text
from checkin_portal.templatetags.portal_tags import phone_display
from subjects.release_forms import ReleaseForm

from .deadlines import DayKind, Deadline, DeadlineRule, deadline_for


class Agency(enum.StrEnum):
    ICE = "ice"
    EOIR = "eoir"
    USCIS = "uscis"


class Answer(enum.StrEnum):
    YES = "yes"
    NO = "no"
    NOT_SURE = "not_sure"


@dataclass(frozen=True)
class AgencyInfo:
    code: Agency
    name: Promise
    short_name: str
    rule: DeadlineRule
    # The form to use, if the agency has one for this ("EOIR-33/IC", "AR-11").
    form_number: str
    form_title: Promise | str
    # What to do, step by step, in plain words. May use %(help_line_phone)s.
    steps: tuple[Promise, ...]
    url: str
    phone: str
    # The deadline in words: "within 5 working days after you move".
    rule_text: Promise


RECOMMENDED_RULE = DeadlineRule(5, DayKind.BUSINESS)

AGENCIES: dict[Agency, AgencyInfo] = {
    Agency.ICE: AgencyInfo(
        code=Agency.ICE,
        name=_("U.S. Immigration and Customs Enforcement (ICE)"),
        short_name="ICE",
        rule=DeadlineRule(5, DayKind.BUSINESS),
        form_number="",
        form_title="",
        steps=(
            _(
                "Send your new address on this website: sign in, then choose “Send my new "
                "address”. You get a receipt number right away."
            ),
            _("Or call the help line at %(help_line_phone)s and give your new address."),
        ),
        url="",
        phone="",
        rule_text=_("within 5 working days after you move"),
    ),
    Agency.EOIR: AgencyInfo(
        code=Agency.EOIR,
        name=_("Executive Office for Immigration Review (EOIR), the immigration court"),
        short_name="EOIR",
        rule=DeadlineRule(5, DayKind.BUSINESS),
        form_number="EOIR-33/IC",
        form_title=_("Change of Address/Contact Information Form (Immigration Court)"),
        steps=(
            _(
                "Fill in Form EOIR-33/IC. You can do it online on the immigration court's "
                "“Respondent Access” website, or print it and mail it or take it to the "
                "immigration court that has your case."
            ),
            _(
                "The form also asks you to send a copy to the government lawyer (DHS). The "
                "form explains how."
            ),
            _("If you have a lawyer, your lawyer can send it for you."),
        ),
        url="https://respondentaccess.eoir.justice.gov/en/forms/eoir33ic",
        phone="+1-800-898-7180",
        rule_text=_("within 5 working days after you move"),
    ),
    Agency.USCIS: AgencyInfo(
        code=Agency.USCIS,
        name=_("U.S. Citizenship and Immigration Services (USCIS)"),
        short_name="USCIS",
        rule=DeadlineRule(10, DayKind.CALENDAR),
        form_number="AR-11",
        form_title=_("Alien's Change of Address Card"),
        steps=(
            _(
                "Change your address on the USCIS website. It fills in Form AR-11 for you "
                "and also updates any application you have waiting."
            ),
            _("Keep the confirmation that the website gives you."),
        ),
        url="https://www.uscis.gov/addresschange",
        phone="+1-800-375-5283",
        rule_text=_("within 10 days after you move, weekends included"),
    ),
}

# Who needs the new address because of the release form alone.
RELEASE_FORM_AGENCIES: dict[str, tuple[Agency, ...]] = {
    ReleaseForm.NOTICE_TO_APPEAR: (Agency.ICE, Agency.EOIR),
    ReleaseForm.EXPEDITED_REMOVAL: (Agency.ICE, Agency.USCIS),
    ReleaseForm.PAROLE_ATD: (Agency.ICE,),
    ReleaseForm.NOTICE_TO_REPORT: (Agency.ICE,),
    ReleaseForm.OTHER: (Agency.ICE,),
}
CREDIBLE_FEAR_AGENCY = Agency.USCIS
WORK_PERMIT_AGENCY = Agency.USCIS


class Reason(enum.StrEnum):
    ALWAYS = "always"
    RELEASE_FORM = "release_form"
    CREDIBLE_FEAR = "credible_fear"
    CREDIBLE_FEAR_NOT_SURE = "credible_fear_not_sure"
    WORK_PERMIT = "work_permit"
    WORK_PERMIT_NOT_SURE = "work_permit_not_sure"


REASON_TEXT: dict[Reason, Promise] = {
    Reason.ALWAYS: _("Everyone released from custody must keep ICE up to date."),
    Reason.RELEASE_FORM: _("Because of the paper you were released with: %(release_form)s."),
    Reason.CREDIBLE_FEAR: _("You asked for a credible fear interview, and USCIS handles it."),
    Reason.CREDIBLE_FEAR_NOT_SURE: _(
        "You are not sure whether you asked for a credible fear interview. Telling USCIS "
        "does no harm."
    ),
    Reason.WORK_PERMIT: _("You applied for permission to work, and USCIS handles it."),
    Reason.WORK_PERMIT_NOT_SURE: _(
        "You are not sure whether you applied for permission to work. Telling USCIS does no harm."
    ),
}

# Help to recognise each release form: what the paper says at the top, and its number.
RELEASE_FORM_HELP: dict[str, Promise] = {
    ReleaseForm.NOTICE_TO_APPEAR: _(
        "The title at the top says “Notice to Appear”. It tells you to go to immigration "
        "court. The form number, I-862, is printed at the bottom of the page."
    ),
    ReleaseForm.EXPEDITED_REMOVAL: _(
        "The title says “Notice and Order of Expedited Removal”. The form number, I-860, "
        "is printed at the bottom of the page."
    ),
    ReleaseForm.PAROLE_ATD: _(
        "You were let go on parole, and an officer may have set up check-ins by phone, by "
        "an app such as SmartLINK, or with an ankle monitor (Alternatives to Detention)."
    ),
    ReleaseForm.NOTICE_TO_REPORT: _(
        "The title says “Notice to Report”. It tells you to report to an ICE office. The "
        "form number, I-385, is printed at the bottom of the page."
    ),
    ReleaseForm.OTHER: _(
        "Your paper is not one of these, or you cannot tell. Choose this: we will tell "
        "you what is safe to do."
    ),
}

# Advice for everyone, shown after the agencies.
USPS_URL = "https://moversguide.usps.com/"
ADVICE: tuple[Promise, ...] = (
    _(
        "Finish with every office on this list within 5 working days after you move, even "
        "where the rule gives you more time."
    ),
    _(
        "Also tell the Post Office (USPS): ask for a change of address so your mail follows "
        "you. You can do it online or at any post office."
    ),
    _(
        "If you move often, you can give ICE an address where you reliably get mail, such "
        "as your lawyer's office, even if you do not live there. Write it “in care of” "
        "that person or office."
    ),
)
NOT_SURE_ADVICE: Promise = _(
    "You are not sure which paper you were released with. Tell ICE your new address now, "
    "then call the help line at %(help_line_phone)s and ask which other offices need it."
)


def help_line_phone() -> str:
    """The help line as people read it (national form, never E.164)."""
    return phone_text(settings.HELP_LINE_PHONE)


def agencies_for(
    *, release_form: str, credible_fear: Answer | str, work_permit: Answer | str
) -> list[tuple[Agency, list[Reason]]]:
    """Each agency that needs the new address, with the reasons, in a fixed order
    (ICE, EOIR, USCIS). Raises ValueError for an unknown release form."""
    if release_form not in RELEASE_FORM_AGENCIES:
        raise ValueError(f"unknown release form {release_form!r}")
    credible_fear, work_permit = Answer(credible_fear), Answer(work_permit)
    reasons: dict[Agency, list[Reason]] = {}
    for agency in RELEASE_FORM_AGENCIES[release_form]:
        reasons.setdefault(agency, []).append(
            Reason.ALWAYS if agency == Agency.ICE else Reason.RELEASE_FORM
        )
    if credible_fear != Answer.NO:
        reasons.setdefault(CREDIBLE_FEAR_AGENCY, []).append(
            Reason.CREDIBLE_FEAR if credible_fear == Answer.YES else Reason.CREDIBLE_FEAR_NOT_SURE
        )
    if work_permit != Answer.NO:
        reasons.setdefault(WORK_PERMIT_AGENCY, []).append(
            Reason.WORK_PERMIT if work_permit == Answer.YES else Reason.WORK_PERMIT_NOT_SURE
        )
    order = list(Agency)
    return sorted(reasons.items(), key=lambda item: order.index(item[0]))


@dataclass(frozen=True)
class AgencyStep:
    agency: AgencyInfo
    reasons: tuple[str, ...]
    deadline: Deadline | None

    @property
    def steps(self) -> list[str]:
        phone = help_line_phone()
        return [str(step) % {"help_line_phone": phone} for step in self.agency.steps]

    @property
    def steps_html(self) -> list[SafeString]:
        """The steps for a web page: the help line's number isolated left to right and
        readable (``phone_display``), so that it keeps its order in Arabic or Persian."""
        phone = phone_display(settings.HELP_LINE_PHONE)
        return [
            mark_safe(escape(str(step)) % {"help_line_phone": phone})  # noqa: S308 - escaped
            for step in self.agency.steps
        ]


@dataclass(frozen=True)
class GuidancePlan:
    release_form: str
    steps: tuple[AgencyStep, ...]
    move_date: datetime.date | None
    # The date we advise finishing everything by (never later than any agency's own date).
    finish_by: datetime.date | None

    @property
    def release_form_known(self) -> bool:
        return self.release_form != ReleaseForm.OTHER

    @property
    def not_sure_advice(self) -> SafeString:
        """For a web page: the help line's number isolated (``phone_display``)."""
        phone = phone_display(settings.HELP_LINE_PHONE)
        return mark_safe(escape(str(NOT_SURE_ADVICE)) % {"help_line_phone": phone})  # noqa: S308

    def without(self, agency: Agency) -> list[AgencyStep]:
        """The steps left once ``agency`` has the address (the receipt page)."""
        return [step for step in self.steps if step.agency.code != agency]

    @property
    def move_day_off(self) -> str | None:
        for step in self.steps:
            if step.deadline and step.deadline.move_day_off:
                return step.deadline.move_day_off
        return None


def release_form_label(release_form: str) -> str:
    return str(ReleaseForm(release_form).label)


def guidance_plan(
    *,
    release_form: str,
    credible_fear: Answer | str,
    work_permit: Answer | str,
    move_date: datetime.date | None = None,
) -> GuidancePlan:
    steps = []
    for agency, reasons in agencies_for(
        release_form=release_form, credible_fear=credible_fear, work_permit=work_permit
    ):
        info = AGENCIES[agency]
        texts = tuple(
            str(REASON_TEXT[reason]) % {"release_form": release_form_label(release_form)}
            for reason in reasons
        )
        deadline = deadline_for(move_date, info.rule) if move_date else None
        steps.append(AgencyStep(agency=info, reasons=texts, deadline=deadline))
    finish_by = None
    if move_date:
        finish_by = min(
            [deadline_for(move_date, RECOMMENDED_RULE).due]
            + [step.deadline.due for step in steps if step.deadline]
        )
    return GuidancePlan(
        release_form=release_form, steps=tuple(steps), move_date=move_date, finish_by=finish_by
    )


def golden_table() -> dict:
    """The whole table as plain data in English, for the golden-file test."""
    from django.utils import translation

    with translation.override("en"):
        combinations = {}
        for release_form in RELEASE_FORM_AGENCIES:
            for credible_fear in Answer:
                for work_permit in Answer:
                    key = f"{release_form}|credible_fear={credible_fear}|work_permit={work_permit}"
                    combinations[key] = {
                        agency.value: [reason.value for reason in reasons]
                        for agency, reasons in agencies_for(
                            release_form=release_form,
                            credible_fear=credible_fear,
                            work_permit=work_permit,
                        )
                    }
        return {
            "agencies": {
                code.value: {
                    "name": str(info.name),
                    "short_name": info.short_name,
                    "deadline": {"days": info.rule.days, "kind": info.rule.kind.value},
                    "deadline_in_words": str(info.rule_text),
                    "form_number": info.form_number,
                    "form_title": str(info.form_title),
                    "steps": [str(step) for step in info.steps],
                    "url": info.url,
                    "phone": info.phone,
                }
                for code, info in AGENCIES.items()
            },
            "by_release_form": {
                str(form): [agency.value for agency in agencies]
                for form, agencies in RELEASE_FORM_AGENCIES.items()
            },
            "credible_fear_adds": CREDIBLE_FEAR_AGENCY.value,
            "work_permit_adds": WORK_PERMIT_AGENCY.value,
            "combinations": combinations,
            "reasons": {reason.value: str(text) for reason, text in REASON_TEXT.items()},
            "release_form_help": {
                str(form): {"label": str(ReleaseForm(form).label), "help": str(text)}
                for form, text in RELEASE_FORM_HELP.items()
            },
            "recommended": {
                "days": RECOMMENDED_RULE.days,
                "kind": RECOMMENDED_RULE.kind.value,
            },
            "advice": [str(text) for text in ADVICE],
            "not_sure_advice": str(NOT_SURE_ADVICE),
            "usps_url": USPS_URL,
        }

"""Office scoping has no side doors: every URL the admin site registers, walked as staff of
office A against office B's records, GET and POST, is refused or shows nothing of B's, and
changes nothing.

The walk reads the URL patterns from the admin site itself, so a view added later is walked
too; a URL of a kind the walk does not know fails ``test_every_admin_url_is_known`` until
someone decides how to walk it (and makes it go through the office scoping)."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, reverse

from appointments.models import AppointmentStatus, Closure, Offer, OfficeStaff, WaitlistEntry
from checkin_portal.staff_groups import CHECKIN_OFFICE_STAFF
from tests.addresses.factories import AddressChangeFactory
from tests.appointments.factories import AppointmentFactory, ScheduleRuleFactory, SlotFactory
from tests.hearings.factories import HearingFactory
from tests.offices.factories import OfficeFactory

from .forms import post_data_of

pytestmark = pytest.mark.django_db

# What each kind of admin URL is, by the last part of its name (``<app>_<model>_<kind>``).
# A URL with an object in it is walked with office B's object; the others with and without
# office B's code and day in the query string.
OBJECT_KINDS = {
    "change",
    "delete",
    "history",
    "simple_history",
    "redirect",
    "password_change",
    # django-otp's TOTP device pages: another account's device must stay out of reach.
    "config",
    "qrcode",
    # A closure's call list (appointments/admin/availability.py): office B's stays hidden.
    "call_list",
}
# "capacity": the office admin's capacity page (appointments/admin/capacity.py): with office
# B's code in the query it must refuse; a POST adds a session only to the clerk's offices.
LIST_KINDS = {"changelist", "add", "export", "import", "process_import", "roster", "capacity"}
SITE_URLS = {
    "index",
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "autocomplete",
    "jsi18n",
    "view_on_site",
    "app_list",
    "two_step",  # the staff member's own second sign-in step
    None,  # the catch-all "final" view (404 for unknown paths)
}
# Site URLs the walk does not POST to: logging out or changing one's own password are the
# staff member's own business and touch no office's records.
NOT_POSTED = {"logout", "password_change", "login"}


@pytest.fixture
def world():
    """Office A with its clerk; office B with a record of every scoped kind, a person booked
    there (checked in, so reverting history would change it) and that person's other
    records."""
    call_command("setup_staff_groups", verbosity=0)
    office_a = OfficeFactory(code="AAA-AA", name="Office Alpha")
    office_b = OfficeFactory(code="BBB-BB", name="Office Bravo")
    rule_b = ScheduleRuleFactory(office=office_b)
    closure_b = Closure.objects.create(
        office=office_b,
        starts_on=rule_b.valid_from,
        ends_on=rule_b.valid_from,
        reason_kind="other",
        reason_en="Bravo-only closure",
    )
    appointment_b = AppointmentFactory(
        slot=SlotFactory(office=office_b, booked=1),
        subject__subject_id="BRAVO0001",
        subject__family_names="Bravofamily",
    )
    appointment_b.status = AppointmentStatus.CHECKED_IN
    appointment_b.save()  # a second history record: something to revert to
    rule_b.capacity = 3
    rule_b.save()
    office_b.name = "Office Bravo Renamed"
    office_b.save()
    HearingFactory(subject=appointment_b.subject)
    # A person waiting at office B for an earlier time, offered one.
    waiting_b = AppointmentFactory(
        slot=SlotFactory(office=office_b, booked=1),
        subject__subject_id="BRAVO0002",
    )
    entry_b = WaitlistEntry.objects.create(
        appointment=waiting_b, subject=waiting_b.subject, contact_email="bravo@example.org"
    )
    entry_b.offices.add(office_b)
    offer_b = Offer.objects.create(
        entry=entry_b,
        slot=SlotFactory(office=office_b, booked=1),
        token_digest="b" * 64,
        expires_at=waiting_b.slot.starts_at,
    )
    AddressChangeFactory(subject=appointment_b.subject)

    clerk = User.objects.create_user(username="clerk-a", password="x" * 16, is_staff=True)
    clerk.groups.add(Group.objects.get(name=CHECKIN_OFFICE_STAFF))
    OfficeStaff.objects.create(office=office_a, user=clerk)
    superuser = User.objects.create_superuser(username="root", password="x" * 16)
    targets, secrets = {}, []
    if apps.is_installed("django_otp.plugins.otp_totp"):
        from django_otp.plugins.otp_totp.models import TOTPDevice

        # Another account's device (its secret must never show); not the superuser's, whose
        # pages the walk reads for form data without a second sign-in step.
        owner = User.objects.create_user(username="other", password="x" * 16, is_staff=True)
        device = TOTPDevice.objects.create(user=owner, name="other's phone", confirmed=True)
        targets["otp_totp.totpdevice"] = device
        secrets = [device.key, device.bin_key.hex()]
    return {
        "office_a": office_a,
        "office_b": office_b,
        "targets": {
            "offices.office": office_b,
            "appointments.schedulerule": rule_b,
            "appointments.closure": closure_b,
            "appointments.slot": appointment_b.slot,
            "appointments.appointment": appointment_b,
            "appointments.waitlistentry": entry_b,
            "appointments.offer": offer_b,
            "subjects.subject": appointment_b.subject,
            **targets,
        },
        "markers": [
            "BRAVO0001",
            "Bravofamily",
            appointment_b.confirmation_number,
            appointment_b.display_number,
            "Bravo-only closure",
            "BRAVO0002",
            "bravo@example.org",
            *secrets,
        ],
        "clerk": clerk,
        "superuser": superuser,
    }


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def admin_urls():
    """(kind, model or None, pattern) for every URL pattern the admin site registers."""
    found = []
    for pattern in admin.site.get_urls():
        if isinstance(pattern, URLPattern):
            found.append((pattern.name, None, pattern))
    for model, model_admin in admin.site._registry.items():
        for pattern in model_admin.get_urls():
            assert isinstance(pattern, URLPattern), pattern
            name = pattern.name or "redirect"
            prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
            kind = name.removeprefix(prefix) if name != "redirect" else name
            found.append((kind, model, pattern))
    return found


def _route(pattern, obj, history_id) -> str:
    """The path of ``pattern`` with the object's id (and a history id) filled in."""
    text = str(pattern.pattern)
    values = iter([str(obj.pk) if obj else "0", str(history_id or 0)])
    text = re.sub(r"<(?:\w+:)?(?:object_id|id|pk)>", lambda _m: next(values), text)
    text = re.sub(r"\(\[\^/\]\+\)", lambda _m: next(values), text)
    return text.removeprefix("^").removesuffix("$")


def _url(model, pattern, obj, history_id) -> str:
    base = reverse("admin:index")
    return (
        f"{base}{model._meta.app_label}/{model._meta.model_name}/{_route(pattern, obj, history_id)}"
    )


def _snapshot():
    """Every row of every model the admin shows, and their history: what a POST could change."""
    rows = {}
    for model in admin.site._registry:
        rows[model._meta.label] = list(model._default_manager.order_by("pk").values())
        history = getattr(model, "history", None)
        if history is not None and hasattr(history, "model"):
            rows[f"{model._meta.label}.history"] = history.model.objects.count()
    return rows


def _assert_refused_or_blind(response, markers, url, method):
    body = response.content.decode(errors="replace") if not response.streaming else ""
    assert response.status_code != 500, f"{method} {url} answered 500"
    leaked = [marker for marker in markers if marker in body]
    assert not leaked, f"{method} {url} showed office B's {leaked} ({response.status_code})"


def test_every_admin_url_is_known():
    unknown = [
        (kind, model._meta.label if model else None, str(pattern.pattern))
        for kind, model, pattern in admin_urls()
        if (model is None and kind not in SITE_URLS)
        or (model is not None and kind not in OBJECT_KINDS | LIST_KINDS)
    ]
    assert not unknown, (
        "New admin URLs: make them go through the office scoping "
        "(appointments/admin/scoping.py) and teach this walk how to call them: "
        f"{unknown}"
    )


def test_scoped_models_have_scoped_admins():
    """Every model that belongs to an office is shown through the one scoping mechanism."""
    from appointments.admin.scoping import OfficeScoped, office_path

    for model, model_admin in admin.site._registry.items():
        path = office_path(model)
        if path is None:
            continue
        assert isinstance(model_admin, OfficeScoped), model
        assert model_admin.office_lookup == path, model


def test_walk_every_admin_url_as_another_offices_staff(world):  # noqa: C901 - a table-driven walk; each branch is one URL kind
    clerk, root = _client(world["clerk"]), _client(world["superuser"])
    office_b = world["office_b"]
    markers = world["markers"]
    query = {"office": office_b.code, "office__id__exact": office_b.pk}
    walked = forms_found = 0
    for kind, model, pattern in admin_urls():
        if model is None:
            if kind in {None, "view_on_site", "app_list"}:
                continue  # walked below with concrete arguments
            url = reverse(f"admin:{kind}")
            _assert_refused_or_blind(clerk.get(url), markers, url, "GET")
            continue
        target = world["targets"].get(model._meta.label) or model._default_manager.first()
        history_id = None
        history = getattr(model, "history", None)
        if target is not None and history is not None and hasattr(history, "model"):
            oldest = history.model.objects.filter(id=target.pk).order_by("history_id").first()
            history_id = oldest.history_id if oldest else None
        url = _url(model, pattern, target, history_id)
        owned_by_b = model._meta.label in world["targets"]

        for params in ({}, query) if kind in LIST_KINDS else ({},):
            response = clerk.get(url, params)
            _assert_refused_or_blind(response, markers, url, "GET")
            if kind in OBJECT_KINDS and owned_by_b and kind != "redirect":
                assert response.status_code in {302, 403, 404}, (url, response.status_code)
                if response.status_code == 302:
                    assert str(target.pk) not in response["Location"], url

        # POST what a superuser's form would send, as office A's clerk.
        payload = post_data_of(root.get(url)) if kind != "redirect" else {}
        forms_found += bool(payload)
        before = _snapshot()
        response = clerk.post(url, payload)
        _assert_refused_or_blind(response, markers, url, "POST")
        assert _snapshot() == before, f"POST {url} as office A's clerk changed records"
        walked += 1

    # Actions (and exports through them) on office B's records, by their ids.
    for model, model_admin in admin.site._registry.items():
        target = world["targets"].get(model._meta.label)
        if target is None:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        request = root.get(url).wsgi_request
        for action in model_admin.get_actions(request):
            before = _snapshot()
            response = clerk.post(
                url,
                {"action": action, "_selected_action": [target.pk], "post": "yes", "format": 0},
            )
            body = response.content.decode(errors="replace") if not response.streaming else ""
            assert not [m for m in markers if m in body], (url, action)
            assert _snapshot() == before, f"action {action} on {url} changed office B's records"
            walked += 1
    # The site's pages that take arguments: each app's index, "view on site" of B's records.
    for app_label in {model._meta.app_label for model in admin.site._registry}:
        url = reverse("admin:app_list", args=[app_label])
        _assert_refused_or_blind(clerk.get(url), markers, url, "GET")
    for target in world["targets"].values():
        content_type = ContentType.objects.get_for_model(target)
        url = reverse("admin:view_on_site", args=[content_type.pk, target.pk])
        response = clerk.get(url)
        _assert_refused_or_blind(response, markers, url, "GET")
        assert response.status_code in {302, 403, 404}, url

    # Autocomplete answers for every foreign key whose target the admin shows.
    autocomplete = reverse("admin:autocomplete")
    for model in admin.site._registry:
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model in admin.site._registry:
                for term in ("", office_b.code, "BRAVO"):
                    params = {
                        "app_label": model._meta.app_label,
                        "model_name": model._meta.model_name,
                        "field_name": field.name,
                        "term": term,
                    }
                    response = clerk.get(autocomplete, params)
                    _assert_refused_or_blind(response, markers, autocomplete, "GET")
                    body = response.content.decode()
                    assert f'"id": "{office_b.pk}"' not in body, params
                    walked += 1
    assert walked > 80  # the walk really walked
    assert forms_found > 20  # and really posted what a superuser's forms send


def test_history_is_read_only_even_for_a_superuser(world):
    """Reverting from history would skip the rules (seat counts, status changes, closures):
    staff change a record on its change page."""
    root = _client(world["superuser"])
    slot = world["targets"]["appointments.slot"]
    oldest = slot.history.order_by("history_id").first()
    url = reverse("admin:appointments_slot_simple_history", args=[slot.pk, oldest.history_id])
    page = root.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    before = _snapshot()
    assert root.post(url, post_data_of(page)).status_code == 403
    assert _snapshot() == before


def test_roster_needs_the_appointment_view_permission(world):
    """An office assignment alone (no staff group) shows nothing of anyone."""
    loner = User.objects.create_user(username="loner", password="x" * 16, is_staff=True)
    office_b = world["office_b"]
    OfficeStaff.objects.create(office=office_b, user=loner)
    url = reverse("admin:appointments_appointment_roster")
    response = _client(loner).get(url, {"office": office_b.code})
    assert response.status_code == 403
    assert "BRAVO0001" not in response.content.decode()


def test_every_offices_closure_is_seen_but_not_changed_by_office_staff(world):
    closure = Closure.objects.create(
        office=None,
        starts_on=world["targets"]["appointments.closure"].starts_on,
        ends_on=world["targets"]["appointments.closure"].ends_on,
        reason_kind="other",
        reason_en="Everywhere closure",
    )
    clerk, root = _client(world["clerk"]), _client(world["superuser"])
    change = reverse("admin:appointments_closure_change", args=[closure.pk])
    assert "Everywhere closure" in clerk.get(change).content.decode()
    payload = post_data_of(root.get(change))
    payload["office"] = world["office_a"].pk
    clerk.post(change, payload)
    closure.refresh_from_db()
    assert closure.office_id is None


def test_a_superuser_reads_the_history_of_a_deleted_record(world):
    rule = world["targets"]["appointments.schedulerule"]
    pk = rule.pk
    rule.delete()
    root = _client(world["superuser"])
    response = root.get(reverse("admin:appointments_schedulerule_history", args=[pk]))
    assert response.status_code == 200
    clerk = _client(world["clerk"])
    assert clerk.get(reverse("admin:appointments_schedulerule_history", args=[pk])).status_code in {
        403,
        404,
    }

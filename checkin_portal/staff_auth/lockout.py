"""What django-axes needs from us: the client's address and the lockout page."""

import ipaddress

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from checkin_portal.client_address import client_address


def client_ip(request: HttpRequest) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the address the public sign-in counts too, or None when it
    is not an IP address (a test client's request has none; axes stores it in an IP field)."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def lockout_response(
    request: HttpRequest, original_response=None, credentials=None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: how long to wait and whom to ask, status 429."""
    minutes = int(get_cool_off(request).total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in paused"),
        "minutes": minutes,
        "support_contact": settings.STAFF_SUPPORT_CONTACT,
    }
    return render(request, "staff_auth/lockout.html", context, status=429)

"""The two-step set-up page. Thin: the rules are in two_factor.py."""

import base64

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from checkin_portal.qr import qr_svg_data_uri

from . import two_factor
from .forms import CODE_WAIT, CODE_WRONG, DeviceConfirmForm


def _secret_text(device) -> str:
    """The key as apps ask for it when typed by hand: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode("ascii")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@csrf_protect
def two_step(request: HttpRequest, *, site: admin.AdminSite) -> HttpResponse:
    """Set up an authenticator app: scan (or type) the key, confirm with one code.

    Open to any active staff account signed in with its password, including one that the
    site lets in nowhere else until it has done this (STAFF_REQUIRE_TWO_FACTOR)."""
    user = request.user
    if not (user.is_active and user.is_staff):
        return redirect_to_login(
            request.get_full_path(), reverse("admin:login", current_app=site.name)
        )
    context = {
        **site.each_context(request),
        "title": _("Two-step sign-in"),
        "required": settings.STAFF_REQUIRE_TWO_FACTOR,
    }
    if two_factor.confirmed_device(user) is not None:
        return render(request, "staff_auth/two_step.html", {**context, "enrolled": True})
    device = two_factor.pending_device(user)
    form = DeviceConfirmForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        check = two_factor.device_confirm(
            request=request, device=device, code=form.cleaned_data["code"]
        )
        if check.ok:
            messages.success(
                request,
                _(
                    "Two-step sign-in is on. From now on, sign in with your password and "
                    "the code your app shows."
                ),
            )
            return HttpResponseRedirect(reverse("admin:index", current_app=site.name))
        form.add_error("code", CODE_WAIT if check.wait else CODE_WRONG)
    return render(
        request,
        "staff_auth/two_step.html",
        {
            **context,
            "form": form,
            "qr_data_uri": qr_svg_data_uri(device.config_url),
            "secret": _secret_text(device),
        },
    )

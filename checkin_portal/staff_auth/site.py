"""The admin site: Django's, with the staff sign-in rules at its door.

* ``has_permission`` also asks for the second step (two_factor.second_step_done): an
  account that must give a code is shown the login form again, like django-otp's
  OTPAdminSite, but only when it has an app or the setting requires one;
* an account that must first set up an app is sent to that page from the login;
* signing out needs no permission (Django's wrapper would send such an account to the index
  and never sign it out)."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from . import two_factor, views
from .forms import StaffLoginForm


class StaffAdminSite(admin.AdminSite):
    login_form = StaffLoginForm
    login_template = "staff_auth/login.html"

    def has_permission(self, request):
        return super().has_permission(request) and two_factor.second_step_done(request)

    @method_decorator(never_cache)
    @login_not_required
    def login(self, request, extra_context=None):
        if two_factor.enrolment_required(request):
            return self._to_enrolment()
        response = super().login(request, extra_context)
        if request.method == "POST" and two_factor.enrolment_required(request):
            return self._to_enrolment()  # the password was right just now
        return response

    def _to_enrolment(self):
        return HttpResponseRedirect(reverse("admin:two_step", current_app=self.name))

    @login_not_required
    def two_step(self, request):
        return views.two_step(request, site=self)

    def get_urls(self):
        urls = [path("two-step/", self.two_step, name="two_step")]
        for pattern in super().get_urls():
            if getattr(pattern, "name", None) == "logout":
                pattern = path("logout/", self.logout, name="logout")
            urls.append(pattern)
        return urls

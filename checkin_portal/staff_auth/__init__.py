"""Staff sign-in to the Django admin (README "Staff sign-in").

* Lockout after repeated failures: django-axes, set up in settings (``AXES_*``); the page it
  shows and the client address it counts are in :mod:`.lockout`.
* Two-step sign-in with an authenticator app: django-otp's TOTP devices. The admin site
  (:mod:`.site`) lets an account in only when it has given a code this session, or when it
  has no device and ``STAFF_REQUIRE_TWO_FACTOR`` is off. The rules live in :mod:`.two_factor`.

This package changes no ModelAdmin: it works on the admin site, its login and its URLs.
"""

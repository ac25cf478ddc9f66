"""checkin_portal: the project and the shared pieces every app builds on.

Owns: settings, root URLs, middleware, context processors, the USWDS form layer, public
pages (home, help, FAQ, errors, /healthz), the clock, codes, counters, digits, redirects,
log scrubbing, outages policy, staff sign-in (``staff_auth``), messaging (``messaging``),
staff file limits and admin helpers.

May import: no app of the project (it is the bottom layer; docs/adr/0013-wiring.md).
"""

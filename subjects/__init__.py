"""subjects: the people released from custody, and their session.

Owns: ``Subject``, sign-in with Subject ID and country of birth, the signed-in gate
(``middleware.SignedInMiddleware``: private by default), lockout, "My check-in", release
forms and what each one requires.

May import: checkin_portal, offices, appointments (docs/adr/0013-wiring.md).
"""

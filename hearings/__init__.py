"""hearings: immigration courts and a person's hearings.

Owns: ``Court``, ``Hearing``, the hearing details page, its calendar file and the staff
import of courts and hearings.

May import: checkin_portal, offices, appointments, subjects; not addresses
(docs/adr/0013-wiring.md).
"""

"""offices: the reporting offices, their hours and notices, and the office finder.

Owns: ``Office`` (including field offices), the offline geocoder, the three nearest
offices, the office list page.

May import: checkin_portal (docs/adr/0013-wiring.md).
"""

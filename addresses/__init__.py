"""addresses: telling the agencies about a new address.

Owns: the agency guidance by release form, business-day deadlines, ``AddressChange`` and
its receipt, the staff queue of address changes.

May import: checkin_portal, offices, appointments, subjects; not hearings
(docs/adr/0013-wiring.md).
"""

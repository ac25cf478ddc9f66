"""Earlier-time offers (the waiting list) and the "I cannot come" link.

* ``models``: ``WaitlistEntry`` (a person waiting for an earlier time) and ``Offer`` (one
  seat held for one of them, behind a single-use link).
* ``services.seats_opened(slot_ids=... | office_id=...)``: call when a seat opens; it queues
  ``run_offers`` after the commit.
* ``services.run_offers()``: the idempotent job (safe on several workers at once) that
  expires old offers and holds each open earlier seat for the next person in the fair order.

See docs/adr/0018-earlier-time-offers.md."""

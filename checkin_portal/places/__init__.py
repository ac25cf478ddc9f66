"""Places and time, once for the whole project (ADR 0014).

``zones``  time-zone names: the one validator, a place's zone, a local wall time as an
           aware datetime.
``zips``   the one ZIP index, built once per process from the ``zipcodes`` package.
``states`` the one list of states and territories.

Nothing here imports an app: every app may import places (ADR 0013).
"""

"""Django's PostgreSQL backend with two changes of ours (base.py, docs/adr/0021)."""

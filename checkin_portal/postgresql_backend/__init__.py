"""Django's PostgreSQL backend with one change of ours (base.py, docs/adr/0021)."""

"""Staff imports: one way for every staff CSV file (docs/adr/0015-staff-imports.md).

Owns: ``StaffResource`` (the django-import-export base every import resource extends:
bulk writes in batches with their history, lookups loaded once per file, fields staff
decide written only when a record is created, all or nothing), ``run_import`` (the one
runner the admin, the management commands, the background task and the benchmark use),
the ``ImportJob`` record of a background import and its task, and ``StaffImportMixin``
(the one admin import screen).

May import: nothing of the apps (checkin_portal is the bottom layer); a job names its
resource by dotted path.
"""

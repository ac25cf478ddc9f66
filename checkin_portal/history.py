"""Change history (django-simple-history), with its manager class made once.

simple-history's ``HistoryDescriptor`` returns ``HistoryManager.from_queryset(...)(...)``
on every read of ``Model.history``: a new class each time, built with
``inspect.getmembers`` of the queryset class (about 140 members). Every historical row it
writes reads it once (``create_historical_record``), so each booking paid that on the
path where a person waits for Confirm (issue 17). ``HistoricalRecords`` here is the
library's, given a manager whose class is made once per queryset class; the managers
themselves are still made per read (each knows its instance)."""

from __future__ import annotations

import functools

import simple_history
from simple_history import manager as history_manager
from simple_history import models as history_models


class HistoryManager(history_manager.HistoryManager):
    @classmethod
    def from_queryset(cls, queryset_class, class_name=None):
        return _manager_class(cls, queryset_class, class_name)


@functools.cache
def _manager_class(manager_class, queryset_class, class_name):
    return super(HistoryManager, manager_class).from_queryset(queryset_class, class_name)


class HistoricalRecords(history_models.HistoricalRecords):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("history_manager", HistoryManager)
        super().__init__(*args, **kwargs)


def register(model, **kwargs):
    """``simple_history.register`` with these records (for models whose history is
    registered after their translated fields, STACK.md)."""
    simple_history.register(model, records_class=HistoricalRecords, **kwargs)

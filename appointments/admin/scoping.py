"""Office scoping: the one mechanism through which every admin view of an office's records
goes (ADR 0011).

Staff see and change only the records of the offices they are assigned to (``OfficeStaff``);
superusers see everything. A scoped ModelAdmin states how its model reaches an office
(``office_lookup``) and inherits everything else from :class:`OfficeScoped`:

* the list, the search, the actions and the exports start from ``get_queryset`` (scoped);
* the change, delete and history pages ask ``has_view/change/delete_permission(request,
  obj)``, which refuse an object of another office, and history pages (simple-history's,
  which fall back to the historical row when the object is out of the queryset) refuse an
  object that is not in the scoped queryset;
* history is read only, for everyone (``HistoryAdmin``);
* a save or a delete of an object outside the scope is refused even if a page forgot to ask;
* office choices in forms are the staff member's offices;
* the admin's own extra views are wrapped with :meth:`scoped_view`, which requires the
  model's view permission; the view reads offices through :meth:`offices_in_scope`.

``tests/staff/test_admin_walk.py`` walks every URL the admin site registers as another
office's staff and fails on anything but a refusal, and on an admin URL it does not know."""

from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import models

from checkin_portal.admin_history import HistoryAdmin
from offices.models import Office

from ..models import OfficeStaff


def office_ids_for(request) -> set[int] | None:
    """None means every office (superuser); otherwise the ids the user is assigned to."""
    if request.user.is_superuser:
        return None
    cache_attr = "_office_ids_for_staff"
    if not hasattr(request, cache_attr):
        ids = set(OfficeStaff.objects.filter(user=request.user).values_list("office_id", flat=True))
        setattr(request, cache_attr, ids)
    return getattr(request, cache_attr)


def office_path(model) -> str | None:
    """How ``model`` reaches its office (an ORM lookup), or None if it belongs to none.

    Follows foreign keys up to two steps (Appointment -> Slot -> Office), shortest first;
    the test that every such model has a scoped admin uses it, so a new model that belongs
    to an office cannot be shown unscoped by accident."""
    if model is Office:
        return "pk"

    def office_fk(candidate) -> str | None:
        for field in candidate._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and field.related_model is Office:
                return field.name
        return None

    direct = office_fk(model)
    if direct:
        return direct
    for field in model._meta.concrete_fields:
        if isinstance(field, models.ForeignKey) and field.related_model is not model:
            step = office_fk(field.related_model)
            if step:
                return f"{field.name}__{step}"
    return None


def _office_id_of(obj, lookup: str) -> int | None:
    if lookup == "pk":
        return obj.pk
    *steps, last = lookup.split("__")
    for step in steps:
        obj = getattr(obj, step, None)
        if obj is None:
            return None
    return getattr(obj, f"{last}_id", None)


class OfficeScoped:
    """Mixin of every ModelAdmin whose model belongs to an office; it comes first among the
    bases and the admin derives from HistoryAdmin (``class X(OfficeScoped, HistoryAdmin)``),
    so that other admin mixins (exports) sit between the two."""

    #: How the model reaches its Office ("pk" for Office itself); see office_path().
    office_lookup = "office"
    #: A record with no office (e.g. a closure of every office) is seen by all staff and
    #: changed only by superusers.
    shared_when_unassigned = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if not issubclass(cls, HistoryAdmin):
            raise TypeError(f"{cls.__name__} must derive from HistoryAdmin too.")

    # --- the rule

    def in_scope(self, request, obj, *, changing: bool) -> bool:
        ids = office_ids_for(request)
        if ids is None or obj is None:
            return True
        office_id = _office_id_of(obj, self.office_lookup)
        if office_id is None:
            return self.shared_when_unassigned and not changing
        return office_id in ids

    def offices_in_scope(self, request):
        ids = office_ids_for(request)
        offices = Office.objects.all()
        return offices if ids is None else offices.filter(pk__in=ids)

    # --- lists, searches, actions, exports

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        ids = office_ids_for(request)
        if ids is None:
            return queryset
        mine = models.Q(**{f"{self.office_lookup}__in": ids})
        if self.shared_when_unassigned:
            mine |= models.Q(**{f"{self.office_lookup}__isnull": True})
        return queryset.filter(mine)

    def get_export_queryset(self, request):
        # A filter the list does not know answers 400, not 500 (the list itself redirects).
        try:
            return super().get_export_queryset(request)
        except IncorrectLookupParameters as error:
            raise BadRequest("Unknown filter.") from error

    # --- single objects: change, delete, history pages ask these

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.in_scope(
            request, obj, changing=False
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.in_scope(
            request, obj, changing=True
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.in_scope(
            request, obj, changing=True
        )

    def _check_history_in_scope(self, request, object_id) -> None:
        # simple-history shows the last historical row when the object is not in the
        # queryset: out of scope must stay out of sight. A superuser has no scope (and may
        # read the history of a deleted record).
        if office_ids_for(request) is None:
            return
        if not self.get_queryset(request).filter(pk=object_id).exists():
            raise PermissionDenied

    def history_view(self, request, object_id, extra_context=None):
        self._check_history_in_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_history_in_scope(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    # --- writes: refused outside the scope whatever page asked

    def _check_writable(self, request, obj) -> None:
        if not self.in_scope(request, obj, changing=True):
            raise PermissionDenied
        if obj.pk is not None:
            stored = self.model._default_manager.filter(pk=obj.pk).first()
            if stored is not None and not self.in_scope(request, stored, changing=True):
                raise PermissionDenied

    def save_model(self, request, obj, form, change):
        self._check_writable(request, obj)
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        self._check_writable(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, self.get_queryset(request).filter(pk__in=queryset))

    # --- forms offer only the staff member's offices

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        ids = office_ids_for(request)
        if db_field.related_model is Office and ids is not None:
            kwargs["queryset"] = Office.objects.filter(pk__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # --- the admin's own extra views

    def scoped_view(self, view):
        """Wrap an extra view of this admin: staff sign-in, the model's view permission.
        The view itself reads offices through offices_in_scope()."""

        def checked(request, *args, **kwargs):
            if not self.has_view_permission(request):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        checked.office_scoped = True
        return self.admin_site.admin_view(checked)

"""Limit staff to their own offices in every admin list, form and action."""

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


class OfficeScopedMixin:
    """For ModelAdmins of models that belong to an office through ``office_lookup``."""

    office_lookup = "office"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        ids = office_ids_for(request)
        if ids is None:
            return queryset
        return queryset.filter(**{f"{self.office_lookup}__in": ids})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        ids = office_ids_for(request)
        if db_field.name == "office" and ids is not None:
            from offices.models import Office

            kwargs["queryset"] = Office.objects.filter(pk__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

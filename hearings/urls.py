from django.urls import path

from . import views

app_name = "hearings"

# No ids in these addresses: they always show the signed-in person's own hearings.
urlpatterns = [
    path("my-hearing/", views.detail, name="detail"),
    path("my-hearing/print/", views.print_view, name="print"),
    path("my-hearing/court-hearing.ics", views.calendar_file, name="calendar"),
]

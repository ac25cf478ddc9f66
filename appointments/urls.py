from django.urls import path

from . import views

app_name = "appointments"

urlpatterns = [
    path("book/", views.start, name="start"),
    path("book/times/", views.times, name="times"),
    path("book/review/", views.review, name="review"),
    path("book/confirm/", views.confirm, name="confirm"),
    path("my-appointment/", views.mine, name="mine"),
    path("my-appointment/print/", views.print_view, name="print"),
    path("my-appointment/calendar.ics", views.ics, name="ics"),
    path("my-appointment/cancel/", views.cancel, name="cancel"),
    path("my-appointment/send/", views.send_details, name="send"),
    path("my-appointment/stop-reminders/", views.stop_reminders, name="stop_reminders"),
]

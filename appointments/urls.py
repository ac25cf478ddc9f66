from django.urls import path

from . import views
from .waitlist import views as waitlist_views

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
    path("my-appointment/earlier-times/", waitlist_views.earlier, name="earlier"),
    path("my-appointment/earlier-times/stop/", waitlist_views.earlier_stop, name="earlier_stop"),
    # Links in messages: an offer, its stop link, "I cannot come" (one public view: the
    # link is the key; see subjects/middleware.py).
    path("link/<slug:kind>/<str:token>/", waitlist_views.link, name="link"),
]

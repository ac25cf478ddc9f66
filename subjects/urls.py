from django.urls import path

from . import views

app_name = "subjects"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("session-ended/", views.session_ended, name="session_ended"),
    path("session/keep-alive/", views.keep_alive, name="keep_alive"),
    path("my-check-in/", views.my_checkin, name="my_checkin"),
]

from django.urls import path

from . import views

app_name = "addresses"

urlpatterns = [
    path("new-address/", views.guidance, name="guidance"),
    path("new-address/send/", views.change, name="change"),
    path("new-address/send/check/", views.confirm, name="confirm"),
    path("new-address/send/receipt/", views.receipt, name="receipt"),
]

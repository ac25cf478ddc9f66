from django.urls import path

from . import views

app_name = "offices"

urlpatterns = [
    path("offices/", views.finder, name="finder"),
    path("offices/choose/", views.choose, name="choose"),
]

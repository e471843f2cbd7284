from django.urls import path

from . import views

app_name = "education"

urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("pages/<slug:slug>/", views.page, name="page"),
]

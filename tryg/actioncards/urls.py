from django.urls import path

from . import views

app_name = "actioncards"

urlpatterns = [
    path("", views.card_list, name="card-list"),
    path("walks/", views.walk_list, name="walk-list"),
    path("walks/<uuid:walk_id>/", views.walk_step, name="walk-step"),
    path("walks/<uuid:walk_id>/back/", views.walk_back_view, name="walk-back"),
    path("walks/<uuid:walk_id>/restart/", views.walk_restart_view, name="walk-restart"),
    path("manage/", views.card_manage, name="card-manage"),
    path("manage/import/", views.card_import_view, name="card-import"),
    path("<slug:slug>/", views.card_detail, name="card-detail"),
    path("<slug:slug>/start/", views.walk_start_view, name="walk-start"),
    path("<slug:slug>/edit/", views.card_edit, name="card-edit"),
    path("<slug:slug>/publish/", views.card_publish_view, name="card-publish"),
    path("<slug:slug>/versions/<int:number>/", views.version_detail, name="version-detail"),
    path("<slug:slug>/versions/<int:number>/export/", views.version_export, name="version-export"),
    path("<slug:slug>/versions/<int:number>/diff/", views.version_diff, name="version-diff"),
]

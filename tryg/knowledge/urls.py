from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("", views.search, name="search"),
    path("entry/<slug:slug>/", views.entry_detail, name="entry"),
    path("entry/<slug:slug>/versions/", views.entry_history, name="entry-history"),
    path("entry/<slug:slug>/versions/<int:version>/", views.entry_version, name="entry-version"),
    path("entry/<slug:slug>/versions/<int:version>/diff/", views.entry_diff, name="entry-diff"),
    path("manage/law-changes/", views.law_changes, name="law-changes"),
    path("manage/", views.manage, name="manage"),
    path("manage/review/", views.review_due, name="review-due"),
    path("manage/new/", views.entry_create, name="entry-create"),
    path("manage/<int:pk>/", views.entry_edit, name="entry-edit"),
    path("manage/<int:pk>/revise/", views.entry_revise, name="entry-revise"),
    path("manage/<int:pk>/publish/", views.entry_publish, name="entry-publish"),
    path("manage/<int:pk>/discard/", views.entry_discard, name="entry-discard"),
    path("manage/<int:pk>/retire/", views.entry_retire, name="entry-retire"),
    path("manage/override/<slug:slug>/", views.entry_override, name="entry-override"),
]

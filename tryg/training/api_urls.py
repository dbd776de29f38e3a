"""API routes of upskilling, mounted under /api/v1/ (namespace training-api)."""

from django.urls import path

from . import api

urlpatterns = [
    path("training/courses/", api.CourseListView.as_view(), name="course-list"),
    path("training/courses/<int:pk>/", api.CourseDetailView.as_view(), name="course-detail"),
    path("training/courses/<int:pk>/sessions/", api.CourseSessionsView.as_view(), name="course-sessions"),
    path("training/sessions/<int:pk>/", api.SessionDetailView.as_view(), name="session-detail"),
    path("training/sessions/<int:pk>/enrolments/", api.SessionEnrolmentsView.as_view(), name="session-enrolments"),
    path("training/enrolments/<int:pk>/cancel/", api.EnrolmentCancelView.as_view(), name="enrolment-cancel"),
    path(
        "training/enrolments/<int:pk>/attendance/", api.EnrolmentAttendanceView.as_view(), name="enrolment-attendance"
    ),
    path("training/coverage/", api.CoverageView.as_view(), name="coverage"),
    path("training/my-enrolments/", api.MyEnrolmentsView.as_view(), name="my-enrolments"),
]

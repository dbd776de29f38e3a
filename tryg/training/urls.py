from django.urls import path

from .views import courses, enrolment

app_name = "training"

urlpatterns = [
    path("", courses.course_list, name="course-list"),
    path("courses/new/", courses.course_create, name="course-create"),
    path("courses/<int:pk>/", courses.course_detail, name="course-detail"),
    path("courses/<int:pk>/edit/", courses.course_edit, name="course-edit"),
    path("courses/<int:pk>/sessions/new/", courses.session_create, name="session-create"),
    path("sessions/<int:pk>/", courses.session_detail, name="session-detail"),
    path("sessions/<int:pk>/edit/", courses.session_edit, name="session-edit"),
    path("sessions/<int:pk>/calendar.ics", courses.session_ics, name="session-ics"),
    path("sessions/<int:pk>/enrol/", enrolment.session_enrol, name="session-enrol"),
    path("enrolments/<int:pk>/cancel/", enrolment.enrolment_cancel, name="enrolment-cancel"),
    path("enrolments/<int:pk>/attendance/", enrolment.enrolment_attendance, name="enrolment-attendance"),
    path("enrolments/<int:pk>/certificate/", enrolment.enrolment_certificate, name="enrolment-certificate"),
    path("mine/", enrolment.my_training, name="my-training"),
    path("mine/calendar.ics", enrolment.my_ics, name="my-ics"),
    path("coverage/", enrolment.coverage, name="coverage"),
    path("managers/", enrolment.manager_list, name="manager-list"),
    path("managers/<int:pk>/remove/", enrolment.manager_remove, name="manager-remove"),
]

"""API of upskilling: thin adapters over access, selectors and services (the same rules as the pages)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.accounts.models import User
from tryg.audit.services import audit_search
from tryg.core.api import ApiError, ErrorSerializer, valid

from . import access, selectors, services
from .models import Course, Enrolment, TargetGroup


class CourseInSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=150)
    kind = serializers.ChoiceField(choices=Course.Kind.choices)
    learning_goals = serializers.CharField(max_length=5000, help_text="One goal per line.")
    target_groups = serializers.ListField(child=serializers.ChoiceField(choices=TargetGroup.choices), allow_empty=False)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    validity_months = serializers.IntegerField(min_value=1, max_value=120, default=24)
    is_active = serializers.BooleanField(default=True)


class TrainingSessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    course = serializers.IntegerField(source="course_id")
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    place = serializers.CharField()
    capacity = serializers.IntegerField()
    taken = serializers.IntegerField()
    waiting = serializers.IntegerField()
    cancelled = serializers.SerializerMethodField()

    def get_cancelled(self, obj) -> bool:
        return obj.cancelled_at is not None


class CourseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=Course.Kind.choices)
    description = serializers.CharField()
    learning_goals = serializers.ListField(child=serializers.CharField(), source="goals")
    target_groups = serializers.ListField(child=serializers.CharField())
    validity_months = serializers.IntegerField()
    is_active = serializers.BooleanField()


class TrainingSessionInSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    place = serializers.CharField(max_length=200)
    capacity = serializers.IntegerField(min_value=1, max_value=1000)


class EnrolmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    session = serializers.IntegerField(source="session_id")
    user = serializers.IntegerField(source="user_id")
    name = serializers.CharField(source="user.display_name")
    unit = serializers.CharField(source="unit.name")
    status = serializers.ChoiceField(choices=Enrolment.Status.choices)
    attended = serializers.SerializerMethodField()
    valid_until = serializers.DateField(allow_null=True)

    def get_attended(self, obj) -> bool:
        return obj.attended_at is not None


class EnrolInSerializer(serializers.Serializer):
    user = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), required=False, allow_null=True, default=None, help_text="Default: yourself."
    )


class AttendanceInSerializer(serializers.Serializer):
    attended = serializers.BooleanField()


class CoverageSerializer(serializers.Serializer):
    unit = serializers.IntegerField(source="unit.pk")
    unit_name = serializers.CharField(source="unit.name")
    staff = serializers.IntegerField()
    trained = serializers.IntegerField()
    share = serializers.IntegerField(help_text="Per cent of the staff trained within the course's validity.")


class CourseListView(APIView):
    @extend_schema(
        operation_id="training_course_list", responses={200: CourseSerializer(many=True), 404: ErrorSerializer}
    )
    def get(self, request):
        access.require_trainee(request.user)
        return Response(CourseSerializer(selectors.course_list(request.user), many=True).data)

    @extend_schema(
        operation_id="training_course_create",
        request=CourseInSerializer,
        responses={201: CourseSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request):
        access.require_coordinator(request.user)
        course = services.course_create(
            actor=request.user, data=services.CourseData(**valid(CourseInSerializer, request))
        )
        return Response(CourseSerializer(course).data, status=status.HTTP_201_CREATED)


class CourseDetailView(APIView):
    @extend_schema(operation_id="training_course_detail", responses={200: CourseSerializer, 404: ErrorSerializer})
    def get(self, request, pk):
        return Response(CourseSerializer(access.course_for_user(request.user, pk)).data)


class CourseSessionsView(APIView):
    @extend_schema(
        operation_id="training_course_session_list",
        responses={200: TrainingSessionSerializer(many=True), 404: ErrorSerializer},
    )
    def get(self, request, pk):
        course = access.course_for_user(request.user, pk)
        return Response(TrainingSessionSerializer(selectors.course_sessions(course), many=True).data)

    @extend_schema(
        operation_id="training_course_session_create",
        request=TrainingSessionInSerializer,
        responses={201: TrainingSessionSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request, pk):
        course = access.course_for_user(request.user, pk, write=True)
        data = services.SessionData(**valid(TrainingSessionInSerializer, request))
        session = services.session_create(actor=request.user, course=course, data=data)
        return Response(
            TrainingSessionSerializer(selectors.session_with_seats(session)).data, status=status.HTTP_201_CREATED
        )


class SessionDetailView(APIView):
    @extend_schema(
        operation_id="training_session_detail", responses={200: TrainingSessionSerializer, 404: ErrorSerializer}
    )
    def get(self, request, pk):
        session = access.session_for_user(request.user, pk)
        return Response(TrainingSessionSerializer(selectors.session_with_seats(session)).data)


class SessionEnrolmentsView(APIView):
    @extend_schema(
        operation_id="training_session_enrolment_list",
        responses={200: EnrolmentSerializer(many=True), 404: ErrorSerializer},
        description="The enrolments the user may see: their own, their staff's as a training manager, every one "
        "for the coordinator; seats first, then the waiting list in its order.",
    )
    def get(self, request, pk):
        session = access.session_for_user(request.user, pk)
        rows = selectors.session_enrolments(request.user, session)
        audit_search(
            request, object_type="training.enrolment", criterion=f"kursusdato {session.pk}", purpose=access.PURPOSE
        )
        return Response(EnrolmentSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="training_session_enrol",
        request=EnrolInSerializer,
        responses={201: EnrolmentSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Enrol yourself, or (coordinator, training manager) a member of staff. A full session puts "
        "the person on the waiting list (status waiting). Codes: closed, already_enrolled.",
    )
    def post(self, request, pk):
        session = access.session_for_user(request.user, pk)
        data = valid(EnrolInSerializer, request)
        enrolment = services.enrolment_create(actor=request.user, session=session, user=data["user"])
        return Response(
            EnrolmentSerializer(selectors.enrolment_with_course(enrolment)).data, status=status.HTTP_201_CREATED
        )


class EnrolmentCancelView(APIView):
    @extend_schema(
        operation_id="training_enrolment_cancel",
        request=None,
        responses={200: EnrolmentSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Cancel; a freed seat goes to the first on the waiting list. Codes: already_cancelled, started.",
    )
    def post(self, request, pk):
        enrolment = access.enrolment_for_user(request.user, pk)
        enrolment = services.enrolment_cancel(actor=request.user, enrolment=enrolment)
        return Response(EnrolmentSerializer(selectors.enrolment_with_course(enrolment)).data)


class EnrolmentAttendanceView(APIView):
    @extend_schema(
        operation_id="training_enrolment_attendance",
        request=AttendanceInSerializer,
        responses={200: EnrolmentSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="The coordinator marks attendance (codes not_enrolled, not_started).",
    )
    def post(self, request, pk):
        enrolment = access.enrolment_for_user(request.user, pk, attendance=True)
        data = valid(AttendanceInSerializer, request)
        enrolment = services.enrolment_set_attended(actor=request.user, enrolment=enrolment, attended=data["attended"])
        return Response(EnrolmentSerializer(selectors.enrolment_with_course(enrolment)).data)


class CoverageView(APIView):
    @extend_schema(
        operation_id="training_coverage",
        parameters=[OpenApiParameter("course", int, description="Only this course (default: any course).")],
        responses={200: CoverageSerializer(many=True), 400: ErrorSerializer, 404: ErrorSerializer},
        description="Per unit: staff, how many are trained within the course's validity, and the share.",
    )
    def get(self, request):
        access.require_coverage_reader(request.user)
        course = None
        if request.query_params.get("course"):
            raw = request.query_params["course"]
            if not raw.isdigit():
                raise ApiError("bad_course", "Ukendt kursus.", fields={"course": ["Ukendt kursus."]})
            course = access.course_for_user(request.user, int(raw))
        rows = selectors.coverage(
            request.user.municipality_id, unit_ids=access.coverage_unit_ids(request.user), course=course
        )
        audit_search(request, object_type="training.enrolment", criterion="dækning pr. enhed", purpose=access.PURPOSE)
        return Response(CoverageSerializer(rows, many=True).data)


class MyEnrolmentsView(APIView):
    @extend_schema(
        operation_id="training_my_enrolments", responses={200: EnrolmentSerializer(many=True), 404: ErrorSerializer}
    )
    def get(self, request):
        access.require_trainee(request.user)
        return Response(EnrolmentSerializer(selectors.my_enrolments(request.user), many=True).data)

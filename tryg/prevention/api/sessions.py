"""API of dialogue sessions: list (upcoming, or a month), plan, detail, participant counts, slips, cancel,
reach statistics, and a facilitator's own sessions."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.accounts.models import Unit
from tryg.audit.services import audit_read
from tryg.core.api import ApiError
from tryg.core.paging import page_number

from .. import access, selectors, services
from ..forms import MonthForm, YearForm
from ..models import AgeBand, DialogueSession, Facilitator, Gender, PlaceKind, Topic
from .common import ErrorSerializer, SessionSerializer, valid


class SessionInSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    place_kind = serializers.ChoiceField(choices=PlaceKind.choices)
    place_unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.all(), required=False, allow_null=True, default=None
    )
    place_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    audience = serializers.CharField(max_length=150)
    age_band = serializers.ChoiceField(choices=AgeBand.choices)
    topics = serializers.PrimaryKeyRelatedField(queryset=Topic.objects.all(), many=True)
    facilitators = serializers.PrimaryKeyRelatedField(queryset=Facilitator.objects.all(), many=True)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class CountSerializer(serializers.Serializer):
    age_band = serializers.ChoiceField(choices=AgeBand.choices)
    gender = serializers.ChoiceField(choices=Gender.choices)
    count = serializers.IntegerField(min_value=0, max_value=10_000)


class ParticipantsInSerializer(serializers.Serializer):
    counts = CountSerializer(many=True, allow_empty=False)


class ScoresSerializer(serializers.Serializer):
    n = serializers.IntegerField()
    voice = serializers.FloatField(allow_null=True)
    learned = serializers.FloatField(allow_null=True)
    relevant = serializers.FloatField(allow_null=True)


class SessionDetailSerializer(SessionSerializer):
    facilitators = serializers.SerializerMethodField()
    counts = serializers.SerializerMethodField()
    slips_total = serializers.IntegerField()
    slips_used = serializers.IntegerField()
    scores = ScoresSerializer()
    note = serializers.CharField()

    def get_facilitators(self, obj) -> list[dict]:
        return [{"id": f.pk, "name": f.name} for f in obj.facilitators.all()]

    def get_counts(self, obj) -> list[dict]:
        return [{"age_band": c.age_band, "gender": c.gender, "count": c.count} for c in obj.counts.all()]


class SlipsInSerializer(serializers.Serializer):
    count = serializers.IntegerField(min_value=1, max_value=services.MAX_SLIPS_AT_ONCE)


class SlipSerializer(serializers.Serializer):
    code = serializers.CharField(source="display_code")
    url = serializers.CharField()


def _detail(session: DialogueSession) -> dict:
    page = selectors.session_page(session)
    session.participants = page["participants"] if session.status == DialogueSession.Status.HELD else None
    session.slips_total = page["slips"]["total"]
    session.slips_used = page["slips"]["used"]
    session.scores = page["summary"]
    return SessionDetailSerializer(session).data


class SessionListView(APIView):
    @extend_schema(
        operation_id="prevention_session_list",
        parameters=[
            OpenApiParameter("month", str, description="YYYY-MM: the sessions of that month (else upcoming)."),
            OpenApiParameter("page", int, description="Page of upcoming sessions (50 a page)."),
        ],
        responses={200: SessionSerializer(many=True), 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def get(self, request):
        access.require_coordinator(request.user)
        municipality = request.user.municipality_id
        if "month" in request.query_params:
            form = MonthForm(request.query_params)
            if not form.is_valid() or not form.cleaned_data.get("month"):
                raise ApiError("bad_month", "Skriv måneden som ÅÅÅÅ-MM.", fields={"month": ["ÅÅÅÅ-MM"]})
            year, month = form.year_month()
            rows = [
                s
                for week in selectors.month_calendar(municipality, year, month)
                for d in week
                if d.in_month
                for s in d.sessions
            ]
        else:
            number = page_number(request)
            if number is None:
                raise ApiError("bad_page", "Ugyldigt sidetal.")
            rows, _page = selectors.sessions_page(municipality, number)
        return Response(SessionSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="prevention_session_plan",
        request=SessionInSerializer,
        responses={201: SessionDetailSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Plan a session: topics from the managed list, facilitators who may lead it.",
    )
    def post(self, request):
        access.require_coordinator(request.user)
        data = valid(SessionInSerializer, request)
        session = services.session_plan(actor=request.user, data=services.SessionData(**data))
        return Response(_detail(session), status=status.HTTP_201_CREATED)


class SessionDetailView(APIView):
    @extend_schema(
        operation_id="prevention_session_detail", responses={200: SessionDetailSerializer, 404: ErrorSerializer}
    )
    def get(self, request, pk):
        session = access.session_for_user(request.user, pk)
        audit_read(request, session, purpose=access.PURPOSE)
        return Response(_detail(session))


class SessionParticipantsView(APIView):
    @extend_schema(
        operation_id="prevention_session_participants",
        request=ParticipantsInSerializer,
        responses={200: SessionDetailSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Replace the participant counts (by age band and gender) and mark the session held "
        "(codes not_started, cancelled).",
    )
    def put(self, request, pk):
        session = access.session_for_user(request.user, pk)
        data = valid(ParticipantsInSerializer, request)
        counts: dict[tuple[str, str], int] = {}
        for row in data["counts"]:
            key = (row["age_band"], row["gender"])
            counts[key] = counts.get(key, 0) + row["count"]
        session = services.session_record_participants(actor=request.user, session=session, counts=counts)
        return Response(_detail(session))


class SessionCancelView(APIView):
    @extend_schema(
        operation_id="prevention_session_cancel",
        request=None,
        responses={200: SessionDetailSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Cancel a planned session (code not_planned otherwise).",
    )
    def post(self, request, pk):
        session = access.session_for_user(request.user, pk)
        session = services.session_cancel(actor=request.user, session=session)
        return Response(_detail(session))


class SessionSlipsView(APIView):
    def _out(self, request, slips):
        from django.urls import reverse

        return [
            {"code": s.display_code, "url": request.build_absolute_uri(reverse("evaluation:form", args=[s.code]))}
            for s in slips
        ]

    @extend_schema(
        operation_id="prevention_session_slip_list",
        responses={200: SlipSerializer(many=True), 404: ErrorSerializer},
        description="The session's unused evaluation slips: each code and the URL its QR code holds.",
    )
    def get(self, request, pk):
        session = access.session_for_user(request.user, pk)
        return Response(self._out(request, selectors.session_slips(session)))

    @extend_schema(
        operation_id="prevention_session_slip_create",
        request=SlipsInSerializer,
        responses={201: SlipSerializer(many=True), 400: ErrorSerializer, 404: ErrorSerializer},
        description="Make new slips, each with its own code (one anonymous answer per slip).",
    )
    def post(self, request, pk):
        session = access.session_for_user(request.user, pk)
        slips = services.slips_create(actor=request.user, session=session, **valid(SlipsInSerializer, request))
        return Response(self._out(request, slips), status=status.HTTP_201_CREATED)


class ReachSerializer(serializers.Serializer):
    label = serializers.CharField()
    sessions = serializers.IntegerField()
    participants = serializers.IntegerField()
    schools = serializers.IntegerField()
    clubs = serializers.IntegerField()
    associations = serializers.IntegerField()
    evaluations = serializers.IntegerField()
    voice = serializers.FloatField(allow_null=True)
    learned = serializers.FloatField(allow_null=True)
    relevant = serializers.FloatField(allow_null=True)


class TopicCountSerializer(serializers.Serializer):
    topic = serializers.CharField()
    sessions = serializers.IntegerField()


class StatisticsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    months = ReachSerializer(many=True)
    total = ReachSerializer()
    topics = TopicCountSerializer(many=True)


class StatisticsView(APIView):
    @extend_schema(
        operation_id="prevention_statistics",
        parameters=[OpenApiParameter("year", int, description="The year (default: this year).")],
        responses={200: StatisticsSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Reach per month and for the year: sessions held, participants, schools, clubs and "
        "associations reached, evaluations and mean scores (1–5), and the topics of the sessions held.",
    )
    def get(self, request):
        access.require_coordinator(request.user)
        form = YearForm(request.query_params)
        if not form.is_valid():
            raise ApiError("bad_year", "Ugyldigt år.", fields={"year": form.errors.get("year", [])})
        year = form.cleaned_data.get("year") or timezone.localdate().year
        data = selectors.reach_statistics(request.user.municipality_id, year)
        for reach in (*data["months"], data["total"]):
            if not isinstance(reach.label, str):
                reach.label = reach.label.strftime("%Y-%m")
        data["topics"] = [{"topic": name, "sessions": n} for name, n in data["topics"]]
        return Response(StatisticsSerializer(data).data)


class MySessionsView(APIView):
    @extend_schema(
        operation_id="prevention_my_sessions",
        responses={200: SessionSerializer(many=True), 404: ErrorSerializer},
        description="The sessions the user leads as a facilitator, upcoming first then recent (404 for a user "
        "who is not linked to a facilitator).",
    )
    def get(self, request):
        facilitator = access.own_facilitator(request.user)
        upcoming, past = selectors.facilitator_sessions(facilitator)
        return Response(SessionSerializer([*upcoming, *past], many=True).data)

"""API of risk work: instruments, a case's assessments and safety plans, the honour-related flag. Thin adapters
over access, selectors and services (the same rules as the pages)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.audit.services import audit_read
from tryg.core.api import ErrorSerializer, valid

from . import access, hooks, selectors, services
from .models import Instrument, Level


class InstrumentSerializer(serializers.Serializer):
    slug = serializers.CharField()
    kind = serializers.ChoiceField(choices=Instrument.Kind.choices)
    title = serializers.CharField(source="latest.title")
    version = serializers.IntegerField(source="latest.number")


class InstrumentDetailSerializer(InstrumentSerializer):
    definition = serializers.JSONField(source="latest.definition")


class AssessmentSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    case = serializers.UUIDField(source="case_id", allow_null=True)
    consultation = serializers.UUIDField(source="consultation_id", allow_null=True)
    instrument = serializers.CharField(source="version.instrument.slug")
    instrument_version = serializers.IntegerField(source="version.number")
    status = serializers.CharField()
    ratings = serializers.JSONField()
    judgements = serializers.JSONField()
    scenarios = serializers.JSONField()
    computed_level = serializers.CharField()
    floor_level = serializers.CharField()
    level = serializers.CharField()
    level_reason = serializers.CharField()
    notes = serializers.CharField()
    created_at = serializers.DateTimeField()
    signed_at = serializers.DateTimeField(allow_null=True)
    signed_by = serializers.CharField(source="signed_by.display_name", default="", allow_null=True)
    supersedes = serializers.UUIDField(source="supersedes_id", allow_null=True)
    meeting_url = serializers.SerializerMethodField(help_text="A multi-agency meeting form for a high level.")

    def get_meeting_url(self, obj) -> str | None:
        return hooks.meeting_url(obj.case) if obj.level == Level.HIGH and obj.case_id else None


class AssessmentStartSerializer(serializers.Serializer):
    instrument = serializers.SlugField(max_length=80)


class ScenarioSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=5000)
    level = serializers.ChoiceField(choices=Level.choices)
    measures = serializers.CharField(max_length=5000)


class AssessmentInSerializer(serializers.Serializer):
    ratings = serializers.DictField(
        child=serializers.DictField(child=serializers.CharField(max_length=40, allow_blank=True)),
        help_text='{"item id": {"present": "ja", "past": "nej"}}, answers from the instrument\'s scale.',
    )
    judgements = serializers.DictField(
        child=serializers.CharField(max_length=5000, allow_blank=True), required=False, default=dict
    )
    scenarios = ScenarioSerializer(many=True, required=False, default=list)
    level = serializers.ChoiceField(choices=Level.choices, required=False, allow_blank=True, default="")
    level_reason = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    notes = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    sign = serializers.BooleanField(required=False, default=False, help_text="Sign after saving.")


class FlagSerializer(serializers.Serializer):
    honour_related = serializers.BooleanField()
    reason = serializers.CharField(max_length=5000)


class FlagOutSerializer(FlagSerializer):
    set_by = serializers.CharField(source="set_by.display_name", default="")
    set_at = serializers.DateTimeField(allow_null=True, help_text="null until the flag is first set")
    blocked_reason = serializers.CharField(allow_null=True)


class SafetyActionInSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=200)
    owner = serializers.IntegerField()
    due_date = serializers.DateField()


class SafetyActionSerializer(serializers.Serializer):
    text = serializers.CharField()
    owner = serializers.IntegerField(source="owner_id")
    due_date = serializers.DateField()
    task = serializers.IntegerField(source="task_id", allow_null=True)


class SafetyPlanInSerializer(serializers.Serializer):
    escalation = serializers.CharField(max_length=5000)
    contacts = serializers.CharField(max_length=5000)
    code_words = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    safe_places = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    no_return = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    review_date = serializers.DateField()
    show_logo = serializers.BooleanField(required=False, default=False)
    actions = SafetyActionInSerializer(many=True, required=False, default=list, max_length=20)


class SafetyPlanSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    case = serializers.UUIDField(source="case_id")
    number = serializers.IntegerField()
    escalation = serializers.CharField()
    contacts = serializers.CharField()
    code_words = serializers.CharField()
    safe_places = serializers.CharField()
    no_return = serializers.CharField()
    review_date = serializers.DateField()
    show_logo = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    actions = SafetyActionSerializer(many=True, source="action_list")


class InstrumentListView(APIView):
    @extend_schema(operation_id="risk_instrument_list", responses={200: InstrumentSerializer(many=True)})
    def get(self, request):
        access.require_risk_role(request.user)
        return Response(InstrumentSerializer(selectors.instruments(), many=True).data)


class InstrumentDetailView(APIView):
    @extend_schema(operation_id="risk_instrument_detail", responses={200: InstrumentDetailSerializer})
    def get(self, request, slug):
        instrument = access.instrument_for_user(request.user, slug)
        instrument.latest = instrument.versions.order_by("-number").first()
        return Response(InstrumentDetailSerializer(instrument).data)


class CaseAssessmentsView(APIView):
    @extend_schema(operation_id="risk_case_assessment_list", responses={200: AssessmentSerializer(many=True)})
    def get(self, request, pk):
        case = access.case_for_user(request.user, pk)
        audit_read(request, case, subject=case.person, purpose=access.PURPOSE)
        return Response(AssessmentSerializer(selectors.case_assessments(case), many=True).data)

    @extend_schema(
        operation_id="risk_case_assessment_create",
        request=AssessmentStartSerializer,
        responses={201: AssessmentSerializer, 400: ErrorSerializer},
    )
    def post(self, request, pk):
        case = access.case_for_user(request.user, pk, write=True)
        data = valid(AssessmentStartSerializer, request)
        instrument = access.instrument_for_user(request.user, data["instrument"])
        assessment = services.assessment_start(actor=request.user, case=case, instrument=instrument)
        return Response(AssessmentSerializer(assessment).data, status=status.HTTP_201_CREATED)


class ConsultationAssessmentsView(APIView):
    @extend_schema(operation_id="risk_consultation_assessment_list", responses={200: AssessmentSerializer(many=True)})
    def get(self, request, pk):
        consultation = access.consultation_for_assessment(request.user, pk)
        audit_read(request, consultation, subject=consultation, purpose=access.PURPOSE)
        return Response(AssessmentSerializer(selectors.consultation_assessments(consultation), many=True).data)

    @extend_schema(
        operation_id="risk_consultation_assessment_create",
        request=AssessmentStartSerializer,
        responses={201: AssessmentSerializer, 400: ErrorSerializer},
        description="A draft on a named consultation of the consultant's region (an anonymous one is refused "
        "with the code consultation_anonymous).",
    )
    def post(self, request, pk):
        consultation = access.consultation_for_assessment(request.user, pk)
        data = valid(AssessmentStartSerializer, request)
        instrument = access.instrument_for_user(request.user, data["instrument"])
        assessment = services.assessment_start(actor=request.user, consultation=consultation, instrument=instrument)
        return Response(AssessmentSerializer(assessment).data, status=status.HTTP_201_CREATED)


def _subject(assessment):
    return assessment.case.person if assessment.case_id else assessment.consultation


class AssessmentDetailView(APIView):
    @extend_schema(operation_id="risk_assessment_detail", responses={200: AssessmentSerializer})
    def get(self, request, pk):
        assessment = access.assessment_for_user(request.user, pk)
        audit_read(request, assessment, subject=_subject(assessment), purpose=access.PURPOSE)
        return Response(AssessmentSerializer(assessment).data)

    @extend_schema(
        operation_id="risk_assessment_update",
        request=AssessmentInSerializer,
        responses={200: AssessmentSerializer, 400: ErrorSerializer},
        description="Saves a draft (and signs it with sign: true). A level below the checklist's result is "
        "refused with the code level_below_checklist; a signed assessment with assessment_signed; signing an "
        "incomplete one with assessment_incomplete.",
    )
    def put(self, request, pk):
        assessment = access.assessment_for_user(request.user, pk, write=True)
        data = valid(AssessmentInSerializer, request)
        sign = data.pop("sign")
        assessment = services.assessment_save(actor=request.user, assessment=assessment, **data)
        if sign:
            assessment = services.assessment_sign(actor=request.user, assessment=assessment)
        assessment = access.assessment_for_user(request.user, pk)
        return Response(AssessmentSerializer(assessment).data)


def _flag_out(case, profile) -> dict:
    return FlagOutSerializer(
        {
            "honour_related": profile.honour_related if profile else False,
            "reason": profile.reason if profile else "",
            "set_by": profile.set_by if profile else None,
            "set_at": profile.set_at if profile else None,
            "blocked_reason": hooks.family_guard(case),
        }
    ).data


class CaseFlagView(APIView):
    @extend_schema(operation_id="risk_case_flag_detail", responses={200: FlagOutSerializer})
    def get(self, request, pk):
        case = access.case_for_user(request.user, pk)
        audit_read(request, case, subject=case.person, purpose=access.PURPOSE)
        return Response(_flag_out(case, selectors.profile(case)))

    @extend_schema(
        operation_id="risk_case_flag_update",
        request=FlagSerializer,
        responses={200: FlagOutSerializer, 400: ErrorSerializer},
    )
    def put(self, request, pk):
        case = access.case_for_user(request.user, pk, write=True)
        access.require_flag_role(request.user)
        profile = services.flag_set(actor=request.user, case=case, **valid(FlagSerializer, request))
        return Response(_flag_out(case, profile))


def _plan_out(plan) -> dict:
    plan.action_list = list(plan.actions.all())
    return SafetyPlanSerializer(plan).data


class CaseSafetyPlansView(APIView):
    @extend_schema(operation_id="risk_case_safety_plan_list", responses={200: SafetyPlanSerializer(many=True)})
    def get(self, request, pk):
        case = access.case_for_user(request.user, pk)
        plans = list(case.safety_plans.prefetch_related("actions").order_by("-number"))
        audit_read(request, case, subject=case.person, purpose=access.PLAN_PURPOSE)
        for plan in plans:
            plan.action_list = list(plan.actions.all())
        return Response(SafetyPlanSerializer(plans, many=True).data)

    @extend_schema(
        operation_id="risk_case_safety_plan_create",
        request=SafetyPlanInSerializer,
        responses={201: SafetyPlanSerializer, 400: ErrorSerializer},
        description="A new version of the case's safety plan; each action becomes a task on the case.",
    )
    def post(self, request, pk):
        case = access.case_for_user(request.user, pk, write=True)
        data = valid(SafetyPlanInSerializer, request)
        actions = [services.ActionData(**a) for a in data.pop("actions")]
        plan = services.safety_plan_save(actor=request.user, case=case, data=services.PlanData(**data, actions=actions))
        return Response(_plan_out(plan), status=status.HTTP_201_CREATED)

"""API of intake: create a concern, read it (the notifier: status only), confirm receipt, triage."""

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.audit.services import audit_read

from .. import access, services
from ..models import AgeGroup, Concern, RelatedPerson, TargetGroup
from .common import ErrorSerializer, PersonOutSerializer, valid


class PersonInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    birth_date = serializers.DateField(required=False, allow_null=True)
    age_group = serializers.ChoiceField(choices=AgeGroup.choices, required=False, allow_blank=True)
    cpr = serializers.CharField(max_length=11, required=False, allow_blank=True)
    address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    address_is_safe = serializers.BooleanField(required=False, default=False)


class RelatedPersonInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    relation = serializers.ChoiceField(choices=RelatedPerson.Relation.choices)
    possible_threat = serializers.BooleanField(default=False)
    safe_to_contact = serializers.BooleanField(default=False)


class ConcernCreateSerializer(serializers.Serializer):
    person = PersonInSerializer()
    target_group = serializers.ChoiceField(choices=TargetGroup.choices)
    description = serializers.CharField(max_length=20000)
    urgency = serializers.ChoiceField(choices=Concern.Urgency.choices, default=Concern.Urgency.NORMAL)
    related_persons = RelatedPersonInSerializer(many=True, required=False)
    warning_signs = serializers.ListField(child=serializers.IntegerField(), required=False)
    walk = serializers.UUIDField(required=False, allow_null=True)
    notifier_label = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")


class ConcernStatusSerializer(serializers.Serializer):
    """What the notifier may see of a concern they filed: its reference, status, the receipt and the feedback
    the law allows (barnets lov § 138); never its content."""

    id = serializers.UUIDField()
    reference = serializers.CharField()
    status = serializers.ChoiceField(
        choices=[("received", "received"), ("being_assessed", "being_assessed"), ("closed", "closed")],
        source="notifier_status_code",
    )
    received_at = serializers.DateTimeField()
    receipt_confirmed_at = serializers.DateTimeField(allow_null=True)
    feedback = serializers.ChoiceField(choices=Concern.Feedback.choices, allow_blank=True)


class ClockSerializer(serializers.Serializer):
    kind = serializers.CharField()
    due_at = serializers.DateTimeField()
    stopped_at = serializers.DateTimeField(allow_null=True)
    overdue = serializers.BooleanField()


class RelatedPersonOutSerializer(serializers.Serializer):
    name = serializers.CharField()
    relation = serializers.CharField()
    possible_threat = serializers.BooleanField()
    safe_to_contact = serializers.BooleanField()


class ConcernSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.CharField()
    target_group = serializers.CharField()
    urgency = serializers.CharField()
    source = serializers.CharField()
    received_at = serializers.DateTimeField()
    receiving_unit = serializers.CharField(source="receiving_unit.name")
    description = serializers.CharField()
    person = PersonOutSerializer()
    related_persons = RelatedPersonOutSerializer(many=True, source="related_persons.all")
    clocks = ClockSerializer(many=True)
    receipt_confirmed_at = serializers.DateTimeField(allow_null=True)
    case_id = serializers.UUIDField(allow_null=True)


class ConfirmSerializer(serializers.Serializer):
    confirm = serializers.BooleanField()

    def validate_confirm(self, value):
        if value is not True:
            raise serializers.ValidationError(_("Send confirm: true."))
        return value


class TriageSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=services.DECISIONS)
    case = serializers.UUIDField(required=False, allow_null=True)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")


class TriageResultSerializer(serializers.Serializer):
    status = serializers.CharField()
    case_id = serializers.UUIDField(allow_null=True)
    case_number = serializers.CharField(allow_null=True)


class ConcernCreateView(APIView):
    @extend_schema(
        operation_id="concern_create",
        request=ConcernCreateSerializer,
        responses={201: ConcernStatusSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request):
        access.require_notifier(request.user)
        data = valid(ConcernCreateSerializer, request)
        concern = services.concern_create(
            actor=request.user,
            person=services.PersonData(**data["person"]),
            target_group=data["target_group"],
            description=data["description"],
            urgency=data["urgency"],
            related=[services.RelatedPersonData(**r) for r in data.get("related_persons", [])],
            warning_sign_ids=data.get("warning_signs", []),
            walk_id=data.get("walk"),
            notifier_label=data["notifier_label"],
        )
        return Response(ConcernStatusSerializer(concern).data, status=status.HTTP_201_CREATED)


class ConcernDetailView(APIView):
    @extend_schema(
        operation_id="concern_retrieve",
        responses={200: ConcernSerializer, 404: ErrorSerializer},
        description="Case workers of the receiving unit get the concern; its notifier gets only "
        "{id, status, received_at} (the ConcernStatus shape).",
    )
    def get(self, request, pk):
        try:
            concern = access.concern_for_user(request.user, pk)
        except Http404:
            concern = access.concern_for_notifier(request.user, pk)
            return Response(ConcernStatusSerializer(concern).data)
        audit_read(request, concern, subject=concern.person, purpose=_("Vurdering af underretning"))
        return Response(ConcernSerializer(concern).data)


class ConcernConfirmReceiptView(APIView):
    @extend_schema(
        operation_id="concern_confirm_receipt",
        request=ConfirmSerializer,
        responses={200: ConcernSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Stops the receipt clock and tells the notifier (code already_confirmed when done before).",
    )
    def post(self, request, pk):
        concern = access.concern_for_user(request.user, pk, write=True)
        valid(ConfirmSerializer, request)
        services.concern_confirm_receipt(actor=request.user, concern=concern)
        # The update row of the confirmation covers this answer; no separate read row.
        return Response(ConcernSerializer(access.concern_for_user(request.user, concern.pk)).data)


class ConcernTriageView(APIView):
    @extend_schema(
        operation_id="concern_triage",
        request=TriageSerializer,
        responses={200: TriageResultSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="new_case, merge (with the id of an open case of the same person) or close (with a reason); "
        "code not_pending when the concern is already handled.",
    )
    def post(self, request, pk):
        concern = access.concern_for_user(request.user, pk, write=True)
        data = valid(TriageSerializer, request)
        case = services.concern_decide(
            actor=request.user,
            concern=concern,
            decision=data["decision"],
            case_id=data.get("case"),
            reason=data.get("reason", ""),
        )
        concern.refresh_from_db(fields=["status"])
        return Response(
            {
                "status": concern.status,
                "case_id": case.pk if case else None,
                "case_number": case.number if case else None,
            }
        )


class FeedbackSerializer(serializers.Serializer):
    feedback = serializers.ChoiceField(choices=Concern.Feedback.choices)


class ConcernFeedbackView(APIView):
    @extend_schema(
        operation_id="concern_feedback",
        request=FeedbackSerializer,
        responses={200: ConcernSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Tell the professional notifier of a concern about a child what the law allows (barnets lov "
        "§ 138): investigating, support or no_action. Code no_feedback for other concerns.",
    )
    def post(self, request, pk):
        concern = access.concern_for_user(request.user, pk, write=True)
        data = valid(FeedbackSerializer, request)
        services.concern_feedback_set(actor=request.user, concern=concern, feedback=data["feedback"])
        return Response(ConcernSerializer(access.concern_for_user(request.user, concern.pk)).data)

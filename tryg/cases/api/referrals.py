"""API of referrals: list and create a case's referrals; pending police disclosures and their decision."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.audit.services import audit_read, audit_search

from .. import access, selectors, services
from ..models import Referral
from .common import ErrorSerializer, valid


class ReferralCreateSerializer(serializers.Serializer):
    actor_type = serializers.ChoiceField(choices=Referral.ActorType.choices)
    recipient = serializers.CharField(max_length=200)
    text = serializers.CharField(max_length=20000)
    consent_given = serializers.BooleanField()
    consent_by = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="", help_text="Required with consent."
    )
    legal_basis = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default="", help_text="Required without consent."
    )


class ReferralSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    case = serializers.UUIDField(source="case_id")
    actor_type = serializers.CharField()
    recipient = serializers.CharField()
    text = serializers.CharField()
    consent_given = serializers.BooleanField()
    consent_by = serializers.CharField()
    legal_basis = serializers.CharField()
    status = serializers.ChoiceField(choices=Referral.Status.choices)
    requested_by = serializers.IntegerField(source="requested_by_id")
    requested_at = serializers.DateTimeField()
    decided_by = serializers.IntegerField(source="decided_by_id", allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)


class ReferralDecisionSerializer(serializers.Serializer):
    approve = serializers.BooleanField(help_text="true approves the disclosure, false rejects it.")


class CaseReferralsView(APIView):
    @extend_schema(
        operation_id="case_referral_list",
        responses={200: ReferralSerializer(many=True), 404: ErrorSerializer},
        description="The case's referrals, oldest first.",
    )
    def get(self, request, pk):
        case = access.case_for_user(request.user, pk)
        referrals = list(case.referrals.order_by("requested_at", "id"))
        audit_read(request, case, subject=case.person, purpose=access.reading_purpose(request.user, case))
        return Response(ReferralSerializer(referrals, many=True).data)

    @extend_schema(
        operation_id="case_referral_create",
        request=ReferralCreateSerializer,
        responses={201: ReferralSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="A referral to the police waits (pending_approval) for a second case worker's decision.",
    )
    def post(self, request, pk):
        case = access.case_for_user(request.user, pk, write=True)
        referral = services.referral_create(actor=request.user, case=case, **valid(ReferralCreateSerializer, request))
        return Response(ReferralSerializer(referral).data, status=status.HTTP_201_CREATED)


class PendingReferralsView(APIView):
    @extend_schema(
        operation_id="referral_pending_list",
        responses={200: ReferralSerializer(many=True), 404: ErrorSerializer},
        description="Disclosures to the police in the user's cases that wait for a second case worker's decision.",
    )
    def get(self, request):
        access.require_caseworker(request.user)
        pending = selectors.pending_referrals(request.user)
        audit_search(request, object_type="cases.referral", criterion="afventer godkendelse", purpose=access.PURPOSE)
        return Response(ReferralSerializer(pending, many=True).data)


class ReferralDecisionView(APIView):
    @extend_schema(
        operation_id="referral_decide",
        request=ReferralDecisionSerializer,
        responses={200: ReferralSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="A case worker other than the requester approves or rejects a disclosure to the police "
        "(codes second_person_required and not_pending otherwise).",
    )
    def post(self, request, pk):
        referral = access.referral_for_decision(request.user, pk)
        data = valid(ReferralDecisionSerializer, request)
        referral = services.referral_decide(actor=request.user, referral=referral, approve=data["approve"])
        return Response(ReferralSerializer(referral).data)

"""API of facilitators and topics (the coordinator's)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.accounts.models import User
from tryg.audit.services import audit_read, audit_search
from tryg.core.api import ApiError
from tryg.core.paging import page_number

from .. import access, selectors, services
from ..models import Facilitator
from .common import ErrorSerializer, TopicSerializer, valid


class FacilitatorInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    birth_date = serializers.DateField()
    consent_on = serializers.DateField(help_text="The day the facilitator consented to being registered.")
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    email = serializers.EmailField(max_length=200, required=False, allow_blank=True, default="")
    training_status = serializers.ChoiceField(choices=Facilitator.Training.choices, default="in_training")
    trained_on = serializers.DateField(required=False, allow_null=True, default=None)
    guardian_name = serializers.CharField(
        max_length=150, required=False, allow_blank=True, default="", help_text="Required under 18."
    )
    guardian_consent_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Required under 18."
    )
    user = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), required=False, allow_null=True, default=None, help_text="A login to link."
    )


class FacilitatorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    birth_date = serializers.DateField()
    is_minor = serializers.BooleanField()
    may_facilitate = serializers.BooleanField()
    training_status = serializers.ChoiceField(choices=Facilitator.Training.choices)
    trained_on = serializers.DateField(allow_null=True)
    consent_on = serializers.DateField()
    guardian_name = serializers.CharField()
    guardian_consent_on = serializers.DateField(allow_null=True)
    user = serializers.IntegerField(source="user_id", allow_null=True)


class FacilitatorListView(APIView):
    @extend_schema(
        operation_id="prevention_facilitator_list",
        parameters=[OpenApiParameter("page", int, description="Page number (50 a page).")],
        responses={200: FacilitatorSerializer(many=True), 400: ErrorSerializer, 404: ErrorSerializer},
        description="The municipality's facilitators, newest first (coordinator only).",
    )
    def get(self, request):
        access.require_coordinator(request.user)
        number = page_number(request)
        if number is None:
            raise ApiError("bad_page", "Ugyldigt sidetal.")
        rows, _page = selectors.facilitators_page(request.user.municipality_id, number)
        audit_search(request, object_type="prevention.facilitator", criterion=f"side {number}", purpose=access.PURPOSE)
        return Response(FacilitatorSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="prevention_facilitator_create",
        request=FacilitatorInSerializer,
        responses={201: FacilitatorSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Register a facilitator with their consent; under 18 also the guardian's.",
    )
    def post(self, request):
        access.require_coordinator(request.user)
        data = valid(FacilitatorInSerializer, request)
        facilitator = services.facilitator_create(actor=request.user, data=services.FacilitatorData(**data))
        return Response(FacilitatorSerializer(facilitator).data, status=status.HTTP_201_CREATED)


class FacilitatorDetailView(APIView):
    @extend_schema(
        operation_id="prevention_facilitator_detail",
        responses={200: FacilitatorSerializer, 404: ErrorSerializer},
    )
    def get(self, request, pk):
        facilitator = access.facilitator_for_user(request.user, pk)
        audit_read(request, facilitator, subject=facilitator, purpose=access.PURPOSE)
        return Response(FacilitatorSerializer(facilitator).data)

    @extend_schema(
        operation_id="prevention_facilitator_update",
        request=FacilitatorInSerializer,
        responses={200: FacilitatorSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Replace the facilitator's record (every field; omitted optional fields are cleared).",
    )
    def put(self, request, pk):
        facilitator = access.facilitator_for_user(request.user, pk)
        data = valid(FacilitatorInSerializer, request)
        facilitator = services.facilitator_update(
            actor=request.user, facilitator=facilitator, data=services.FacilitatorData(**data)
        )
        return Response(FacilitatorSerializer(facilitator).data)


class TopicInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)


class TopicListView(APIView):
    @extend_schema(
        operation_id="prevention_topic_list",
        responses={200: TopicSerializer(many=True), 404: ErrorSerializer},
        description="The municipality's managed list of dialogue topics.",
    )
    def get(self, request):
        access.require_coordinator(request.user)
        return Response(TopicSerializer(selectors.topics_of(request.user.municipality_id), many=True).data)

    @extend_schema(
        operation_id="prevention_topic_create",
        request=TopicInSerializer,
        responses={201: TopicSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request):
        access.require_coordinator(request.user)
        topic = services.topic_create(actor=request.user, **valid(TopicInSerializer, request))
        return Response(TopicSerializer(topic).data, status=status.HTTP_201_CREATED)

"""The partnerships API: thin adapters over the same `access`, `selectors` and `services` as the pages.
Amounts are decimal strings in DKK. Errors have the shape {"error": {"code", "message", "fields"}}."""

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.audit.services import audit_read
from tryg.core.api import ErrorSerializer, valid

from . import access, selectors, services
from .models import Partner

MONEY = {"max_digits": 14, "decimal_places": 2}


class ContactSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    title = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()


class PartnerUserSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="display_name")


class PartnerSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Partner.Kind.choices)
    cvr = serializers.CharField()
    target_groups = serializers.CharField()
    description = serializers.CharField()


class PartnerDetailSerializer(PartnerSerializer):
    contacts = ContactSerializer(many=True)
    users = PartnerUserSerializer(many=True)


class PoolSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    grantor = serializers.CharField()
    total = serializers.DecimalField(**MONEY)
    period_start = serializers.DateField()
    period_end = serializers.DateField(allow_null=True)
    applications_received = serializers.IntegerField()
    eligible_municipalities = serializers.IntegerField(source="municipality_count")
    own_granted = serializers.DecimalField(**MONEY, help_text="Granted to the user's municipality's partners.")


class GrantListItemSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    partner = serializers.UUIDField(source="partner_id")
    partner_name = serializers.CharField(source="partner.name")
    pool = serializers.CharField(source="pool.name")
    amount = serializers.DecimalField(**MONEY)
    budgeted = serializers.DecimalField(**MONEY)
    paid = serializers.DecimalField(**MONEY)
    spent = serializers.DecimalField(**MONEY)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    is_demo = serializers.BooleanField(help_text="The figures are made up for the demo.")


class ReportLineSerializer(serializers.Serializer):
    label = serializers.CharField()
    budget = serializers.DecimalField(**MONEY)
    spent = serializers.DecimalField(**MONEY)
    remaining = serializers.DecimalField(**MONEY)


class PaymentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    paid_on = serializers.DateField()
    amount = serializers.DecimalField(**MONEY)
    note = serializers.CharField()


class AgreementSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    signed_on = serializers.DateField()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(allow_null=True)


class DeadlineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    grant = serializers.UUIDField(source="grant_id")
    title = serializers.CharField()
    due_on = serializers.DateField()
    submitted_at = serializers.DateTimeField(allow_null=True)


class GrantReportSerializer(serializers.Serializer):
    """A grant with the figures of its report for the grantor."""

    grant = GrantListItemSerializer(source="grant_row")
    budget_lines = ReportLineSerializer(many=True, source="lines")
    payments = PaymentSerializer(many=True)
    agreements = AgreementSerializer(many=True)
    deadlines = DeadlineSerializer(many=True)
    spent = serializers.DecimalField(**MONEY)
    remaining = serializers.DecimalField(**MONEY)
    activity_count = serializers.IntegerField()
    participants = serializers.IntegerField()
    volunteers = serializers.IntegerField()


class AttachmentSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField(source="original_name")
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return reverse("partnerships:attachment-download", args=[obj.pk])


class ActivitySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    held_on = serializers.DateField()
    participants = serializers.IntegerField()
    volunteers = serializers.IntegerField()
    description = serializers.CharField()
    budget_line = serializers.IntegerField(source="budget_line_id", allow_null=True)
    cost = serializers.DecimalField(**MONEY)
    attachments = AttachmentSerializer(many=True, source="attachments.all")


class ActivityCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    held_on = serializers.DateField()
    participants = serializers.IntegerField(min_value=0, max_value=100_000, help_text="A count; never names.")
    volunteers = serializers.IntegerField(min_value=0, max_value=10_000, required=False, default=0)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    budget_line = serializers.IntegerField(required=False, allow_null=True, default=None)
    cost = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0, required=False, default=0)


class BudgetLineCreateSerializer(serializers.Serializer):
    label = serializers.CharField(max_length=200)
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)


class BudgetLineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField()
    amount = serializers.DecimalField(**MONEY)


class PaymentCreateSerializer(serializers.Serializer):
    paid_on = serializers.DateField()
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class AttachmentUploadSerializer(serializers.Serializer):
    attachment = serializers.FileField(help_text="PDF, PNG, JPEG, .docx or .xlsx; the type is read from the content.")


class PartnerListView(APIView):
    @extend_schema(
        operation_id="partnership_partner_list", responses={200: PartnerSerializer(many=True), 404: ErrorSerializer}
    )
    def get(self, request):
        access.require_partnership_role(request.user)
        return Response(PartnerSerializer(access.visible_partners(request.user).order_by("name")[:500], many=True).data)


class PartnerDetailView(APIView):
    @extend_schema(
        operation_id="partnership_partner_retrieve",
        responses={200: PartnerDetailSerializer, 404: ErrorSerializer},
        description="With the contact persons and the partner's users (the read is logged).",
    )
    def get(self, request, pk):
        partner = access.partner_for_user(request.user, pk)
        data = selectors.partner_file(partner)
        audit_read(request, partner, purpose=_("Kontaktpersoner og brugere hos partner"))
        return Response(PartnerDetailSerializer({**PartnerSerializer(partner).data, **data}).data)


class PoolListView(APIView):
    @extend_schema(
        operation_id="partnership_pool_list", responses={200: PoolSerializer(many=True), 404: ErrorSerializer}
    )
    def get(self, request):
        access.require_coordinator(request.user)
        pools = selectors.pools_for(request.user, access.visible_pools(request.user))
        return Response(PoolSerializer(pools, many=True).data)


class GrantListView(APIView):
    @extend_schema(
        operation_id="partnership_grant_list",
        responses={200: GrantListItemSerializer(many=True), 404: ErrorSerializer},
        description="The grants the user sees (the coordinator: the municipality's; a partner: their own), with "
        "spending against budget. At most 500.",
    )
    def get(self, request):
        access.require_partnership_role(request.user)
        grants = selectors.with_sums(access.visible_grants(request.user)).select_related("partner", "pool")
        return Response(GrantListItemSerializer(grants.order_by("partner__name", "title")[:500], many=True).data)


def _grant_out(grant) -> dict:
    report = selectors.grant_report(grant, with_activities=False)
    report.grant_row = (
        selectors.with_sums(type(grant).objects.filter(pk=grant.pk)).select_related("partner", "pool").get()
    )
    return GrantReportSerializer(report).data


class GrantDetailView(APIView):
    @extend_schema(
        operation_id="partnership_grant_retrieve",
        responses={200: GrantReportSerializer, 404: ErrorSerializer},
        description="The grant and the figures of its report for the grantor.",
    )
    def get(self, request, pk):
        return Response(_grant_out(access.grant_for_user(request.user, pk)))


class BudgetLinesView(APIView):
    @extend_schema(
        operation_id="partnership_budget_line_create",
        request=BudgetLineCreateSerializer,
        responses={201: BudgetLineSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="The coordinator adds a budget line; the lines together may not exceed the grant "
        "(code over_grant).",
    )
    def post(self, request, pk):
        grant = access.grant_for_user(request.user, pk, write=True)
        line = services.budget_line_add(actor=request.user, grant=grant, **valid(BudgetLineCreateSerializer, request))
        return Response(BudgetLineSerializer(line).data, status=status.HTTP_201_CREATED)


class PaymentsView(APIView):
    @extend_schema(
        operation_id="partnership_payment_create",
        request=PaymentCreateSerializer,
        responses={201: PaymentSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="The coordinator registers a payment; payments may not exceed the grant (code over_grant).",
    )
    def post(self, request, pk):
        grant = access.grant_for_user(request.user, pk, write=True)
        payment = services.payment_add(actor=request.user, grant=grant, **valid(PaymentCreateSerializer, request))
        return Response(PaymentSerializer(payment).data, status=status.HTTP_201_CREATED)


class ActivitiesView(APIView):
    @extend_schema(
        operation_id="partnership_activity_list",
        responses={200: ActivitySerializer(many=True), 404: ErrorSerializer},
        description="The grant's activities, newest first (at most 500).",
    )
    def get(self, request, pk):
        grant = access.grant_for_user(request.user, pk)
        rows = grant.activities.select_related("budget_line").prefetch_related("attachments")
        return Response(ActivitySerializer(rows.order_by("-held_on", "-reported_at")[:500], many=True).data)

    @extend_schema(
        operation_id="partnership_activity_create",
        request=ActivityCreateSerializer,
        responses={201: ActivitySerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="The partner reports an activity held under their own grant. A cost needs a budget line.",
    )
    def post(self, request, pk):
        grant = access.grant_for_reporting(request.user, pk)
        activity = services.activity_report(actor=request.user, grant=grant, **valid(ActivityCreateSerializer, request))
        return Response(ActivitySerializer(activity).data, status=status.HTTP_201_CREATED)


class AttachmentUploadView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="partnership_attachment_create",
        request={"multipart/form-data": AttachmentUploadSerializer},
        responses={201: AttachmentSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="The partner attaches a file to their activity. Size cap and type checked by content.",
    )
    def post(self, request, pk):
        activity = access.activity_for_reporting(request.user, pk)
        data = valid(AttachmentUploadSerializer, request)
        attachment = services.attachment_add(actor=request.user, activity=activity, uploaded=data["attachment"])
        return Response(AttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)


class DueReportsView(APIView):
    @extend_schema(
        operation_id="partnership_due_reports",
        responses={200: DeadlineSerializer(many=True), 404: ErrorSerializer},
        description="Reports not yet submitted that are overdue or due within 30 days.",
    )
    def get(self, request):
        access.require_partnership_role(request.user)
        return Response(DeadlineSerializer(selectors.due_reports(request.user), many=True).data)

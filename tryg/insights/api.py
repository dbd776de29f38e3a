"""The insights API: the same suppressed indicators as the pages (text cells: "12", "< 5", "–") and the current plan.
Errors have the shape {"error": {"code", "message", "fields"}}."""

from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.core.api import ErrorSerializer

from . import access, selectors
from .indicators import Measures, indicators_for
from .periods import PeriodError, comparison_from
from .views.indicators import municipality_scope, region_scope

PERIOD_PARAMS = [
    OpenApiParameter("kind", OpenApiTypes.STR, enum=["year", "quarter", "month"], required=False),
    OpenApiParameter("period", OpenApiTypes.STR, required=False, description="2026, 2026-3 or 2026-07"),
]


class TableSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    rows = serializers.ListField(child=serializers.ListField(child=serializers.CharField()), help_text="Header first.")


class SourceSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    pending = serializers.BooleanField()
    note = serializers.CharField()
    tables = TableSerializer(many=True)


class IndicatorsSerializer(serializers.Serializer):
    scope = serializers.CharField()
    periods = serializers.ListField(child=serializers.CharField())
    sources = SourceSerializer(many=True)


def _payload(scope, request) -> dict:
    try:
        comparison = comparison_from(request.query_params)
    except PeriodError as exc:
        raise ValidationError({"period": [str(exc)]}) from exc
    sources = indicators_for(scope, comparison)
    return {
        "scope": scope.label,
        "periods": comparison.labels,
        "sources": [
            {
                "key": s.key,
                "title": s.title,
                "pending": s.pending,
                "note": s.note,
                "tables": [
                    {
                        "key": t.key,
                        "title": t.title,
                        "description": t.description,
                        "rows": t.export_rows(),
                        "kind": "measures" if isinstance(t, Measures) else "counts",
                    }
                    for t in s.tables
                ],
            }
            for s in sources
        ],
    }


class IndicatorsView(APIView):
    @extend_schema(
        operation_id="insights_indicators",
        parameters=PERIOD_PARAMS,
        responses={200: IndicatorsSerializer, 400: ErrorSerializer, 401: ErrorSerializer, 404: ErrorSerializer},
        description="The coordinator's municipality's indicators, two periods side by side, small counts suppressed.",
    )
    def get(self, request):
        access.require_coordinator(request.user)
        return Response(_payload(municipality_scope(request.user), request))


class RegionIndicatorsView(APIView):
    @extend_schema(
        operation_id="insights_region_indicators",
        parameters=PERIOD_PARAMS,
        responses={200: IndicatorsSerializer, 400: ErrorSerializer, 401: ErrorSerializer, 404: ErrorSerializer},
        description="The security consultant's region: aggregates over its municipalities, small counts suppressed.",
    )
    def get(self, request):
        access.require_consultant(request.user)
        return Response(_payload(region_scope(request.user), request))


class SectionSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    body = serializers.CharField()
    card_slugs = serializers.ListField(child=serializers.CharField())
    entry_slugs = serializers.ListField(child=serializers.CharField())
    contact_slugs = serializers.ListField(child=serializers.CharField())
    affected = serializers.BooleanField()


class PlanSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    adopted_by = serializers.CharField()
    adopted_on = serializers.DateField()
    next_revision_due = serializers.DateField()
    revision_state = serializers.CharField()
    sections = SectionSerializer(many=True)


class PlanView(APIView):
    @extend_schema(
        operation_id="insights_plan",
        responses={200: PlanSerializer, 401: ErrorSerializer, 404: ErrorSerializer},
        description="The current version of the coordinator's municipality's preparedness plan (404 when none).",
    )
    def get(self, request):
        access.require_coordinator(request.user)
        version = selectors.current_version(request.user.municipality_id)
        if version is None:
            from tryg.core.errors import Refused

            raise Refused("insights.planversion", "current", municipality_id=request.user.municipality_id)
        views = selectors.sections_with_links(version)
        data = {
            "number": version.number,
            "title": version.title,
            "adopted_by": version.adopted_by,
            "adopted_on": version.adopted_on,
            "next_revision_due": version.next_revision_due,
            "revision_state": selectors.revision_status(request.user.municipality_id).state,
            "sections": [
                {
                    "kind": v.section.kind,
                    "title": v.section.title,
                    "body": v.section.body,
                    "card_slugs": v.section.card_slugs,
                    "entry_slugs": v.section.entry_slugs,
                    "contact_slugs": v.section.contact_slugs,
                    "affected": v.affected,
                }
                for v in views
            ],
        }
        return Response(PlanSerializer(data).data)

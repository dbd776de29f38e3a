"""API of protection: the archive hold that keeps a closed case from anonymisation."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import access, services
from .casefile import CaseStatusSerializer
from .common import ErrorSerializer, valid


class ArchiveHoldSerializer(serializers.Serializer):
    hold = serializers.BooleanField(help_text="true sets the archive hold, false lifts it.")
    reason = serializers.CharField(max_length=2000, help_text="Why; recorded on the case's timeline.")


class ArchiveHoldResultSerializer(CaseStatusSerializer):
    archive_hold = serializers.BooleanField()


class CaseArchiveHoldView(APIView):
    @extend_schema(
        operation_id="case_archive_hold",
        request=ArchiveHoldSerializer,
        responses={200: ArchiveHoldResultSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Set or lift the archive hold that keeps a closed case from anonymisation after its retention.",
    )
    def post(self, request, pk):
        case = access.case_for_user(request.user, pk, write=True)
        case = services.case_set_archive_hold(actor=request.user, case=case, **valid(ArchiveHoldSerializer, request))
        return Response(ArchiveHoldResultSerializer(case).data)

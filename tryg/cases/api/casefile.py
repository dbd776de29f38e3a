"""API of the case file: case search and detail, timeline entries, tasks, status, team, safe contact, contacts,
links."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.audit.services import audit_read, audit_search

from .. import access, selectors, services
from ..forms import ENTRY_KINDS
from ..models import Case, CaseLink, CaseMember, Channel, TimelineEntry
from .common import EntrySerializer, ErrorSerializer, PersonOutSerializer, TaskSerializer, valid

TEAM_ROLES = [
    (CaseMember.Role.PARTICIPANT, CaseMember.Role.PARTICIPANT.label),
    (CaseMember.Role.SECURITY_CONSULTANT, CaseMember.Role.SECURITY_CONSULTANT.label),
]


class CaseListItemSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    number = serializers.CharField()
    status = serializers.CharField()
    person_name = serializers.CharField(source="person.name")
    responsible_unit = serializers.CharField(source="responsible_unit.name")
    opened_at = serializers.DateTimeField()


class CaseListSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = CaseListItemSerializer(many=True)


class CaseSearchSerializer(serializers.Serializer):
    """The body of `POST /cases/search/`: a case number, whole name words or a CPR number."""

    status = serializers.ChoiceField(choices=Case.Status.choices, required=False, allow_blank=True, default="")
    q = serializers.CharField(max_length=100, required=False, allow_blank=True, default="", trim_whitespace=False)
    limit = serializers.IntegerField(required=False, default=50)


class CaseQuerySerializer(CaseSearchSerializer):
    """The query string of `GET /cases/`: `q` may only be a case number. A name or a CPR number in a URL would
    stay in proxies' and servers' access logs (SECURITY.md), so those are posted to `/cases/search/`."""

    def validate_q(self, value):
        if value.strip() and not selectors.is_case_number(value.strip()):
            raise serializers.ValidationError(
                _("Søg på navn eller CPR-nummer med POST /api/v1/cases/search/; adressen må kun rumme et sagsnummer.")
            )
        return value


class MemberSerializer(serializers.Serializer):
    user = serializers.IntegerField(source="user_id")
    name = serializers.CharField(source="user.display_name")
    role = serializers.CharField()


class CaseDetailSerializer(CaseListItemSerializer):
    outcome = serializers.CharField()
    closed_at = serializers.DateTimeField(allow_null=True)
    retention_until = serializers.DateField(allow_null=True)
    person = PersonOutSerializer()
    members = MemberSerializer(many=True)
    entries = EntrySerializer(many=True)
    tasks = TaskSerializer(many=True)


class EntryCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ENTRY_KINDS)
    text = serializers.CharField(max_length=20000)
    corrects = serializers.UUIDField(required=False, allow_null=True, help_text="The public id of the entry corrected.")


class TaskCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    owner = serializers.IntegerField()
    due_date = serializers.DateField()


class StatusChangeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Case.Status.choices)
    outcome = serializers.ChoiceField(
        choices=Case.Outcome.choices, required=False, allow_blank=True, default="", help_text="Required to close."
    )


class CaseStatusSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    number = serializers.CharField()
    status = serializers.CharField()
    outcome = serializers.CharField()
    closed_at = serializers.DateTimeField(allow_null=True)
    retention_until = serializers.DateField(allow_null=True)


class MemberCreateSerializer(serializers.Serializer):
    user = serializers.IntegerField(help_text="A case worker of the municipality or a consultant of its region.")
    role = serializers.ChoiceField(choices=TEAM_ROLES)


class SafeContactInSerializer(serializers.Serializer):
    """The whole set of rules: every field is sent (an empty list or text clears it)."""

    allowed_channels = serializers.ListField(
        child=serializers.ChoiceField(choices=Channel.choices),
        max_length=len(Channel.values),
        help_text="If any are given, every other channel is excluded.",
    )
    forbidden_channels = serializers.ListField(
        child=serializers.ChoiceField(choices=Channel.choices), max_length=len(Channel.values)
    )
    never_contact = serializers.CharField(max_length=5000, allow_blank=True)
    note = serializers.CharField(max_length=5000, allow_blank=True)


class SafeContactSerializer(serializers.Serializer):
    person = serializers.UUIDField()
    allowed_channels = serializers.ListField(child=serializers.ChoiceField(choices=Channel.choices))
    forbidden_channels = serializers.ListField(child=serializers.ChoiceField(choices=Channel.choices))
    never_contact = serializers.CharField()
    note = serializers.CharField()


class ContactCreateSerializer(serializers.Serializer):
    party = serializers.ChoiceField(
        choices=TimelineEntry.Party.choices,
        required=False,
        default=TimelineEntry.Party.PERSON,
        help_text="Whom the contact is with (default: the person).",
    )
    channel = serializers.ChoiceField(choices=Channel.choices)
    text = serializers.CharField(max_length=20000)


class LinkCreateSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=20, help_text="The other case's number, e.g. 2026-00042.")
    kind = serializers.ChoiceField(choices=CaseLink.Kind.choices)


class CaseLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    case = serializers.UUIDField(source="from_case_id")
    linked_case = serializers.UUIDField(source="to_case_id")
    linked_number = serializers.CharField(source="to_case.number")
    kind = serializers.CharField()
    created_at = serializers.DateTimeField()


class TaskDoneSerializer(serializers.Serializer):
    done = serializers.BooleanField()

    def validate_done(self, value):
        if value is not True:
            raise serializers.ValidationError(_("Send done: true for at markere opgaven som løst."))
        return value


class CaseListView(APIView):
    @extend_schema(
        operation_id="case_list",
        parameters=[
            OpenApiParameter("status", str, enum=Case.Status.values, required=False),
            OpenApiParameter(
                "q", str, required=False, description="A case number only (names and CPR numbers: POST /cases/search/)"
            ),
            OpenApiParameter("limit", int, required=False, description="At most 100 (default 50)"),
        ],
        responses={200: CaseListSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def get(self, request):
        access.require_case_role(request.user)
        query = CaseQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return _search_response(request, query.validated_data)


class CaseSearchView(APIView):
    @extend_schema(
        operation_id="case_search",
        request=CaseSearchSerializer,
        responses={200: CaseListSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Search by case number, name words or CPR number, posted so the URL holds no personal data.",
    )
    def post(self, request):
        access.require_case_role(request.user)
        return _search_response(request, valid(CaseSearchSerializer, request))


def _search_response(request, data) -> Response:
    """Both doors of the API's case search: the same selector, the same access-log row."""
    limit = min(max(data["limit"], 1), 100)
    rows, criterion = selectors.search_cases(request.user, data["q"], data["status"], limit)
    audit_search(request, object_type="cases.case", criterion=criterion, purpose=access.PURPOSE)
    return Response({"count": len(rows), "results": CaseListItemSerializer(rows, many=True).data})


class CaseDetailView(APIView):
    @extend_schema(operation_id="case_retrieve", responses={200: CaseDetailSerializer, 404: ErrorSerializer})
    def get(self, request, pk):
        case = access.case_for_user(request.user, pk)
        audit_read(request, case, subject=case.person, purpose=access.reading_purpose(request.user, case))
        return Response(CaseDetailSerializer(selectors.case_detail_data(case)).data)


class CaseEntriesView(APIView):
    @extend_schema(
        operation_id="case_entry_create",
        request=EntryCreateSerializer,
        responses={201: EntrySerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request, pk):
        case = access.case_for_user(request.user, pk, write=True)
        data = valid(EntryCreateSerializer, request)
        entry = services.entry_add(
            actor=request.user, case=case, kind=data["kind"], text=data["text"], corrects=data.get("corrects")
        )
        return Response(EntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class CaseTasksView(APIView):
    @extend_schema(
        operation_id="case_task_create",
        request=TaskCreateSerializer,
        responses={201: TaskSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request, pk):
        case = access.case_for_user(request.user, pk, write=True)
        task = services.task_add(actor=request.user, case=case, **valid(TaskCreateSerializer, request))
        return Response(TaskSerializer(task).data, status=status.HTTP_201_CREATED)


class CaseStatusView(APIView):
    @extend_schema(
        operation_id="case_status_update",
        request=StatusChangeSerializer,
        responses={200: CaseStatusSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Move the case to another status; closing needs an outcome, reopening clears it.",
    )
    def post(self, request, pk):
        case = access.case_for_user(request.user, pk, write=True)
        case = services.case_set_status(actor=request.user, case=case, **valid(StatusChangeSerializer, request))
        return Response(CaseStatusSerializer(case).data)


class CaseMembersView(APIView):
    @extend_schema(
        operation_id="case_member_create",
        request=MemberCreateSerializer,
        responses={201: MemberSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Only a case worker (sagsbehandler) with write access to the case adds to its team.",
    )
    def post(self, request, pk):
        case = access.case_for_user(request.user, pk, write=True)
        access.require_caseworker(request.user)
        member = services.member_add(actor=request.user, case=case, **valid(MemberCreateSerializer, request))
        return Response(MemberSerializer(member).data, status=status.HTTP_201_CREATED)


def _safe_contact_out(person) -> dict:
    return SafeContactSerializer(
        {
            "person": person.pk,
            "allowed_channels": person.allowed_channels,
            "forbidden_channels": person.forbidden_channels,
            "never_contact": person.never_contact,
            "note": person.contact_note,
        }
    ).data


class CaseSafeContactView(APIView):
    @extend_schema(
        operation_id="case_safe_contact_retrieve",
        responses={200: SafeContactSerializer, 404: ErrorSerializer},
    )
    def get(self, request, pk):
        person = access.case_for_user(request.user, pk, write=True).person
        audit_read(request, person, subject=person, purpose=_("Regler for sikker kontakt"))
        return Response(_safe_contact_out(person))

    @extend_schema(
        operation_id="case_safe_contact_update",
        request=SafeContactInSerializer,
        responses={200: SafeContactSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Replaces the person's safe-contact rules; send every field.",
    )
    def put(self, request, pk):
        case = access.case_for_user(request.user, pk, write=True)
        data = valid(SafeContactInSerializer, request)
        person = services.contact_rules_set(
            actor=request.user,
            case=case,
            allowed=list(dict.fromkeys(data["allowed_channels"])),
            forbidden=list(dict.fromkeys(data["forbidden_channels"])),
            never_contact=data["never_contact"],
            note=data["note"],
        )
        return Response(_safe_contact_out(person))


class CaseContactsView(APIView):
    @extend_schema(
        operation_id="case_contact_create",
        request=ContactCreateSerializer,
        responses={201: EntrySerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Records a contact with the person on the timeline. A channel the safe-contact rules do "
        "not allow is refused with 400 and the code forbidden_channel; a contact with the parents or the network "
        "while a family-action guard blocks it (e.g. an honour-related case without a signed risk assessment) "
        "with 400 and the code family_action_blocked; the message gives the reason.",
    )
    def post(self, request, pk):
        case = access.case_for_user(request.user, pk, write=True)
        entry = services.contact_record(actor=request.user, case=case, **valid(ContactCreateSerializer, request))
        return Response(EntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class CaseLinksView(APIView):
    @extend_schema(
        operation_id="case_link_create",
        request=LinkCreateSerializer,
        responses={201: CaseLinkSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Links the case to another case of the municipality that the user may also change.",
    )
    def post(self, request, pk):
        case = access.case_for_user(request.user, pk, write=True)
        link = services.case_link_add(actor=request.user, case=case, **valid(LinkCreateSerializer, request))
        return Response(CaseLinkSerializer(link).data, status=status.HTTP_201_CREATED)


class TaskDoneView(APIView):
    @extend_schema(
        operation_id="task_done",
        request=TaskDoneSerializer,
        responses={200: TaskSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Marks a task of a case the user may change as done (again: no change).",
    )
    def post(self, request, pk):
        task = access.task_for_user(request.user, pk)
        valid(TaskDoneSerializer, request)
        task = services.task_done(actor=request.user, task=task)
        return Response(TaskSerializer(task).data)

"""API for concerns and cases. Same access functions as the pages; the notifier gets the status only."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.accounts.api import ErrorSerializer
from tryg.accounts.models import Role
from tryg.audit.services import audit_read, audit_search
from tryg.core.api import ApiError

from . import identity, services
from .access import case_for_user, concern_for_notifier, concern_for_user, visible_cases
from .forms import ENTRY_KINDS
from .models import AgeGroup, Case, Concern, RelatedPerson, TargetGroup, TimelineEntry
from .views import NOTIFIER_ROLES, _owners, _purpose, _search_cases


def _django_errors(exc: DjangoValidationError) -> ApiError:
    fields = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
    return ApiError("invalid", _("Ugyldige data."), fields=fields)


# --- serializers ---------------------------------------------------------------------------------


class PersonInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    birth_date = serializers.DateField(required=False, allow_null=True)
    age_group = serializers.ChoiceField(choices=AgeGroup.choices, required=False, allow_blank=True)
    cpr = serializers.CharField(max_length=11, required=False, allow_blank=True)
    address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    address_is_safe = serializers.BooleanField(required=False, default=False)

    def validate_cpr(self, value):
        try:
            return identity.normalise_cpr(value) if value else ""
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from None


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


class ConcernStatusSerializer(serializers.Serializer):
    """What the notifier may see of a concern they filed."""

    id = serializers.UUIDField()
    status = serializers.ChoiceField(
        choices=[("received", "received"), ("being_assessed", "being_assessed"), ("closed", "closed")],
        source="notifier_status_code",
    )
    received_at = serializers.DateTimeField()


class ClockSerializer(serializers.Serializer):
    kind = serializers.CharField()
    due_at = serializers.DateTimeField()
    stopped_at = serializers.DateTimeField(allow_null=True)
    overdue = serializers.BooleanField()


class PersonOutSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    birth_date = serializers.DateField(allow_null=True)
    age_group = serializers.CharField()
    cpr = serializers.CharField()
    allowed_channels = serializers.ListField(child=serializers.CharField())
    forbidden_channels = serializers.ListField(child=serializers.CharField())
    never_contact = serializers.CharField()


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


class EntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    text = serializers.CharField()
    channel = serializers.CharField()
    author = serializers.CharField(source="author.display_name", default="")
    created_at = serializers.DateTimeField()
    corrects = serializers.IntegerField(source="corrects_id", allow_null=True)


class TaskSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    owner = serializers.IntegerField(source="owner_id")
    due_date = serializers.DateField()
    done_at = serializers.DateTimeField(allow_null=True)


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
    kind = serializers.CharField(help_text="One of: note, conversation, meeting, decision.")
    text = serializers.CharField(max_length=20000)
    corrects = serializers.IntegerField(required=False, allow_null=True)

    def validate_kind(self, value):
        if value not in dict(ENTRY_KINDS):
            raise serializers.ValidationError(_("Ukendt type."))
        return value


class TaskCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    owner = serializers.IntegerField()
    due_date = serializers.DateField()


class ConfirmSerializer(serializers.Serializer):
    confirm = serializers.BooleanField()

    def validate_confirm(self, value):
        if value is not True:
            raise serializers.ValidationError(_("Send confirm: true."))
        return value


class TriageSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["new_case", "merge", "close"])
    case = serializers.UUIDField(required=False, allow_null=True)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=5000)

    def validate(self, attrs):
        if attrs["decision"] == "merge" and not attrs.get("case"):
            raise serializers.ValidationError({"case": [_("Angiv den sag, underretningen skal lægges på.")]})
        if attrs["decision"] == "close" and not (attrs.get("reason") or "").strip():
            raise serializers.ValidationError({"reason": [_("Skriv en begrundelse for at lukke underretningen.")]})
        return attrs


class TriageResultSerializer(serializers.Serializer):
    status = serializers.CharField()
    case_id = serializers.UUIDField(allow_null=True)
    case_number = serializers.CharField(allow_null=True)


# --- views ---------------------------------------------------------------------------------------


def _concern_out(concern: Concern) -> dict:
    return ConcernSerializer(concern).data


class ConcernCreateView(APIView):
    @extend_schema(
        operation_id="concern_create",
        request=ConcernCreateSerializer,
        responses={201: ConcernStatusSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request):
        if not request.user.has_role(*NOTIFIER_ROLES):
            raise Http404
        ser = ConcernCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        walk = None
        if data.get("walk"):
            from tryg.actioncards.access import walk_for_user

            try:
                walk = walk_for_user(request.user, data["walk"])
            except Http404:
                raise ApiError("invalid", _("Ugyldige data."), fields={"walk": [_("Ukendt forløb.")]}) from None
        if data.get("warning_signs"):
            from tryg.knowledge.selectors import warning_signs

            allowed = set(warning_signs(request.user.municipality).values_list("pk", flat=True))
            unknown = [pk for pk in data["warning_signs"] if pk not in allowed]
            if unknown:
                raise ApiError("invalid", _("Ugyldige data."), fields={"warning_signs": [_("Ukendt bekymringstegn.")]})
        units = request.user.memberships_cached
        try:
            concern = services.concern_create(
                actor=request.user,
                person=services.PersonData(**data["person"]),
                target_group=data["target_group"],
                description=data["description"],
                urgency=data["urgency"],
                notifier_unit=units[0].unit if units else None,
                related=[services.RelatedPersonData(**r) for r in data.get("related_persons", [])],
                warning_sign_ids=data.get("warning_signs", []),
                walk=walk,
            )
        except DjangoValidationError as exc:
            raise _django_errors(exc) from None
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
            concern = concern_for_user(request.user, pk)
        except Http404:
            concern = concern_for_notifier(request.user, pk)
            return Response(ConcernStatusSerializer(concern).data)
        audit_read(request, concern, subject=concern.person, purpose=_("Vurdering af underretning"))
        return Response(_concern_out(concern))


class ConcernConfirmReceiptView(APIView):
    @extend_schema(
        operation_id="concern_confirm_receipt",
        request=ConfirmSerializer,
        responses={200: ConcernSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request, pk):
        concern = concern_for_user(request.user, pk, write=True)
        ConfirmSerializer(data=request.data).is_valid(raise_exception=True)
        try:
            concern = services.concern_confirm_receipt(actor=request.user, concern=concern)
        except DjangoValidationError as exc:
            raise ApiError("already_confirmed", " ".join(exc.messages)) from None
        return Response(_concern_out(concern_for_user(request.user, concern.pk)))


class ConcernTriageView(APIView):
    @extend_schema(
        operation_id="concern_triage",
        request=TriageSerializer,
        responses={200: TriageResultSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request, pk):
        concern = concern_for_user(request.user, pk, write=True)
        ser = TriageSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        try:
            if data["decision"] == "new_case":
                case = services.concern_triage(actor=request.user, concern=concern)
            elif data["decision"] == "merge":
                candidates = services.merge_candidates(concern, visible_cases(request.user, write=True))
                case = candidates.filter(pk=data["case"]).first()
                if case is None:
                    raise ApiError(
                        "invalid", _("Ugyldige data."), fields={"case": [_("Ingen åben sag om samme person.")]}
                    )
                case = services.concern_merge(actor=request.user, concern=concern, case=case)
            else:
                services.concern_close(actor=request.user, concern=concern, reason=data["reason"])
                case = None
        except DjangoValidationError as exc:
            raise ApiError("not_pending", " ".join(exc.messages)) from None
        concern.refresh_from_db()
        return Response(
            {
                "status": concern.status,
                "case_id": case.pk if case else None,
                "case_number": case.number if case else None,
            }
        )


class CaseListView(APIView):
    @extend_schema(
        operation_id="case_list",
        parameters=[
            OpenApiParameter("status", str, enum=Case.Status.values, required=False),
            OpenApiParameter("q", str, required=False, description="Case number, or whole name words, or a CPR number"),
            OpenApiParameter("limit", int, required=False, description="At most 100 (default 50)"),
        ],
        responses={200: CaseListSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def get(self, request):
        if not request.user.has_role(Role.SAGSBEHANDLER, Role.SIKKERHEDSKONSULENT):
            raise Http404
        status_ = request.query_params.get("status", "")
        if status_ and status_ not in Case.Status.values:
            raise ApiError("invalid", _("Ugyldige data."), fields={"status": [_("Ukendt status.")]})
        q = request.query_params.get("q", "")
        if len(q) > 100:
            raise ApiError("invalid", _("Ugyldige data."), fields={"q": [_("Højst 100 tegn.")]})
        try:
            limit = min(max(int(request.query_params.get("limit", 50)), 1), 100)
        except ValueError:
            raise ApiError("invalid", _("Ugyldige data."), fields={"limit": [_("Skal være et tal.")]}) from None
        qs, criterion = _search_cases(request.user, q, status_)
        rows = list(qs[:limit])
        audit_search(request, object_type="cases.case", criterion=criterion, purpose=services.PURPOSE)
        return Response({"count": len(rows), "results": CaseListItemSerializer(rows, many=True).data})


def _case_out(case: Case) -> dict:
    return CaseDetailSerializer(
        {
            **{f: getattr(case, f) for f in ("id", "number", "status", "opened_at", "outcome", "closed_at")},
            "retention_until": case.retention_until,
            "person": case.person,
            "responsible_unit": case.responsible_unit,
            "members": list(case.members.select_related("user")),
            "entries": list(case.entries.select_related("author")),
            "tasks": list(case.tasks.all()),
        }
    ).data


class CaseDetailView(APIView):
    @extend_schema(operation_id="case_retrieve", responses={200: CaseDetailSerializer, 404: ErrorSerializer})
    def get(self, request, pk):
        case = case_for_user(request.user, pk)
        audit_read(request, case, subject=case.person, purpose=_purpose(request, case))
        return Response(_case_out(case))


class CaseEntriesView(APIView):
    @extend_schema(
        operation_id="case_entry_create",
        request=EntryCreateSerializer,
        responses={201: EntrySerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request, pk):
        case = case_for_user(request.user, pk, write=True)
        ser = EntryCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        corrects = None
        if ser.validated_data.get("corrects"):
            corrects = TimelineEntry.objects.filter(case=case, pk=ser.validated_data["corrects"]).first()
            if corrects is None:
                raise ApiError("invalid", _("Ugyldige data."), fields={"corrects": [_("Ukendt indførsel.")]})
        try:
            entry = services.entry_add(
                actor=request.user,
                case=case,
                kind=ser.validated_data["kind"],
                text=ser.validated_data["text"],
                corrects=corrects,
            )
        except DjangoValidationError as exc:
            raise _django_errors(exc) from None
        return Response(EntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class CaseTasksView(APIView):
    @extend_schema(
        operation_id="case_task_create",
        request=TaskCreateSerializer,
        responses={201: TaskSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request, pk):
        case = case_for_user(request.user, pk, write=True)
        ser = TaskCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        owners = {u.pk: u for u in _owners(case)}
        owner = owners.get(ser.validated_data["owner"])
        if owner is None:
            raise ApiError("invalid", _("Ugyldige data."), fields={"owner": [_("Vælg en i sagens team.")]})
        try:
            task = services.task_add(
                actor=request.user,
                case=case,
                title=ser.validated_data["title"],
                owner=owner,
                due_date=ser.validated_data["due_date"],
            )
        except DjangoValidationError as exc:
            raise _django_errors(exc) from None
        return Response(TaskSerializer(task).data, status=status.HTTP_201_CREATED)

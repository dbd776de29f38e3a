"""API for concerns and cases. Same access functions as the pages; the notifier gets the status only."""

from contextlib import contextmanager

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
from .access import (
    case_for_user,
    concern_for_notifier,
    concern_for_user,
    linkable_case,
    referral_for_decision,
    task_for_user,
    visible_cases,
)
from .forms import ENTRY_KINDS
from .models import (
    AgeGroup,
    Case,
    CaseLink,
    CaseMember,
    Channel,
    Concern,
    Referral,
    RelatedPerson,
    TargetGroup,
    TimelineEntry,
)
from .views import NOTIFIER_ROLES, _member_candidates, _owners, _pending_referrals, _purpose, _search_cases


def _valid(serializer_class, request):
    """The request body checked by `serializer_class`; invalid input raises the API's 400 error shape."""
    ser = serializer_class(data=request.data)
    ser.is_valid(raise_exception=True)
    return ser


@contextmanager
def _service_errors():
    """A service's ValidationError becomes the API's 400 error shape."""
    try:
        yield
    except DjangoValidationError as exc:
        raise _django_errors(exc) from None


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


def _one_of(values) -> str:
    return "One of: " + ", ".join(values) + "."


def _check_choice(value: str, values) -> str:
    """The check (and message) of a ChoiceField, for fields kept as plain strings in the schema."""
    if value not in values:
        message = serializers.ChoiceField.default_error_messages["invalid_choice"]
        raise serializers.ValidationError(str(message).format(input=value[:40]))
    return value


class StatusChangeSerializer(serializers.Serializer):
    # Plain strings with the values listed (like EntryCreate.kind): a choice field here would rename the
    # schema's existing StatusEnum component.
    status = serializers.CharField(help_text=_one_of(Case.Status.values))
    outcome = serializers.ChoiceField(
        choices=Case.Outcome.choices, required=False, allow_blank=True, default="", help_text="Required to close."
    )

    def validate_status(self, value):
        return _check_choice(value, Case.Status.values)

    def validate(self, attrs):
        if attrs["status"] == Case.Status.CLOSED and not attrs.get("outcome"):
            raise serializers.ValidationError({"outcome": [_("Vælg sagens udfald.")]})
        return attrs


class CaseStatusSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    number = serializers.CharField()
    status = serializers.CharField()
    outcome = serializers.CharField()
    closed_at = serializers.DateTimeField(allow_null=True)
    retention_until = serializers.DateField(allow_null=True)


class ArchiveHoldSerializer(serializers.Serializer):
    hold = serializers.BooleanField(help_text="true sets the archive hold, false lifts it.")
    reason = serializers.CharField(max_length=2000, help_text="Why; recorded on the case's timeline.")


class ArchiveHoldResultSerializer(CaseStatusSerializer):
    archive_hold = serializers.BooleanField()


class MemberCreateSerializer(serializers.Serializer):
    user = serializers.IntegerField(help_text="A case worker of the municipality or a consultant of its region.")
    role = serializers.ChoiceField(
        choices=[
            (CaseMember.Role.PARTICIPANT, CaseMember.Role.PARTICIPANT.label),
            (CaseMember.Role.SECURITY_CONSULTANT, CaseMember.Role.SECURITY_CONSULTANT.label),
        ]
    )


class SafeContactInSerializer(serializers.Serializer):
    """The whole set of rules: every field is sent (an empty list or text clears it)."""

    allowed_channels = serializers.ListField(
        child=serializers.CharField(),
        max_length=len(Channel.values),
        help_text="If any are given, every other channel is excluded. " + _one_of(Channel.values),
    )
    forbidden_channels = serializers.ListField(
        child=serializers.CharField(), max_length=len(Channel.values), help_text=_one_of(Channel.values)
    )
    never_contact = serializers.CharField(max_length=5000, allow_blank=True)
    note = serializers.CharField(max_length=5000, allow_blank=True)

    def _channels(self, values):
        for value in values:
            _check_choice(value, Channel.values)
        return list(dict.fromkeys(values))

    def validate_allowed_channels(self, values):
        return self._channels(values)

    def validate_forbidden_channels(self, values):
        return self._channels(values)

    def validate(self, attrs):
        if set(attrs["allowed_channels"]) & set(attrs["forbidden_channels"]):
            raise serializers.ValidationError(
                {"forbidden_channels": [_("En kontaktvej kan ikke både være tilladt og forbudt.")]}
            )
        return attrs


class SafeContactSerializer(serializers.Serializer):
    person = serializers.UUIDField()
    allowed_channels = serializers.ListField(child=serializers.CharField(), help_text=_one_of(Channel.values))
    forbidden_channels = serializers.ListField(child=serializers.CharField(), help_text=_one_of(Channel.values))
    never_contact = serializers.CharField()
    note = serializers.CharField()


class ContactCreateSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(choices=Channel.choices)
    text = serializers.CharField(max_length=20000)


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

    def validate(self, attrs):
        errors = {}
        if attrs["consent_given"] and not attrs.get("consent_by", "").strip():
            errors["consent_by"] = [_("Skriv, hvem der har givet samtykke.")]
        if not attrs["consent_given"] and not attrs.get("legal_basis", "").strip():
            errors["legal_basis"] = [_("Uden samtykke skal hjemlen til videregivelsen angives.")]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class ReferralSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    case = serializers.UUIDField(source="case_id")
    actor_type = serializers.CharField()
    recipient = serializers.CharField()
    text = serializers.CharField()
    consent_given = serializers.BooleanField()
    consent_by = serializers.CharField()
    legal_basis = serializers.CharField()
    status = serializers.CharField(help_text=_one_of(Referral.Status.values))
    requested_by = serializers.IntegerField(source="requested_by_id")
    requested_at = serializers.DateTimeField()
    decided_by = serializers.IntegerField(source="decided_by_id", allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)


class ReferralDecisionSerializer(serializers.Serializer):
    approve = serializers.BooleanField(help_text="true approves the disclosure, false rejects it.")


class LinkCreateSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=20, help_text="The other case's number, e.g. 2026-00042.")
    kind = serializers.CharField(help_text=_one_of(CaseLink.Kind.values))

    def validate_kind(self, value):
        return _check_choice(value, CaseLink.Kind.values)


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
        ser = _valid(ConcernCreateSerializer, request)
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
        with _service_errors():
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
        ser = _valid(TriageSerializer, request)
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
        rows, criterion = _search_cases(request.user, q, status_, limit)
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
        ser = _valid(EntryCreateSerializer, request)
        corrects = None
        if ser.validated_data.get("corrects"):
            corrects = TimelineEntry.objects.filter(case=case, pk=ser.validated_data["corrects"]).first()
            if corrects is None:
                raise ApiError("invalid", _("Ugyldige data."), fields={"corrects": [_("Ukendt indførsel.")]})
        with _service_errors():
            entry = services.entry_add(
                actor=request.user,
                case=case,
                kind=ser.validated_data["kind"],
                text=ser.validated_data["text"],
                corrects=corrects,
            )
        return Response(EntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class CaseTasksView(APIView):
    @extend_schema(
        operation_id="case_task_create",
        request=TaskCreateSerializer,
        responses={201: TaskSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request, pk):
        case = case_for_user(request.user, pk, write=True)
        ser = _valid(TaskCreateSerializer, request)
        owners = {u.pk: u for u in _owners(case)}
        owner = owners.get(ser.validated_data["owner"])
        if owner is None:
            raise ApiError("invalid", _("Ugyldige data."), fields={"owner": [_("Vælg en i sagens team.")]})
        with _service_errors():
            task = services.task_add(
                actor=request.user,
                case=case,
                title=ser.validated_data["title"],
                owner=owner,
                due_date=ser.validated_data["due_date"],
            )
        return Response(TaskSerializer(task).data, status=status.HTTP_201_CREATED)


class CaseStatusView(APIView):
    @extend_schema(
        operation_id="case_status_update",
        request=StatusChangeSerializer,
        responses={200: CaseStatusSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Move the case to another status; closing needs an outcome, reopening clears it.",
    )
    def post(self, request, pk):
        case = case_for_user(request.user, pk, write=True)
        ser = _valid(StatusChangeSerializer, request)
        data = ser.validated_data
        with _service_errors():
            case = services.case_set_status(
                actor=request.user, case=case, status=data["status"], outcome=data["outcome"]
            )
        return Response(CaseStatusSerializer(case).data)


class CaseArchiveHoldView(APIView):
    @extend_schema(
        operation_id="case_archive_hold",
        request=ArchiveHoldSerializer,
        responses={200: ArchiveHoldResultSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Set or lift the archive hold that keeps a closed case from anonymisation after its retention.",
    )
    def post(self, request, pk):
        case = case_for_user(request.user, pk, write=True)
        ser = _valid(ArchiveHoldSerializer, request)
        with _service_errors():
            case = services.case_set_archive_hold(actor=request.user, case=case, **ser.validated_data)
        return Response(ArchiveHoldResultSerializer(case).data)


class CaseMembersView(APIView):
    @extend_schema(
        operation_id="case_member_create",
        request=MemberCreateSerializer,
        responses={201: MemberSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Only a case worker (sagsbehandler) with write access to the case adds to its team.",
    )
    def post(self, request, pk):
        case = case_for_user(request.user, pk, write=True)
        if not request.user.has_role(Role.SAGSBEHANDLER):
            raise Http404
        ser = _valid(MemberCreateSerializer, request)
        candidates = {u.pk: u for u in _member_candidates(case)}
        user = candidates.get(ser.validated_data["user"])
        if user is None:
            raise ApiError("invalid", _("Ugyldige data."), fields={"user": [_("Vælg en person fra listen.")]})
        with _service_errors():
            member = services.member_add(actor=request.user, case=case, user=user, role=ser.validated_data["role"])
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
        case = case_for_user(request.user, pk, write=True)
        person = case.person
        audit_read(request, person, subject=person, purpose=_("Regler for sikker kontakt"))
        return Response(_safe_contact_out(person))

    @extend_schema(
        operation_id="case_safe_contact_update",
        request=SafeContactInSerializer,
        responses={200: SafeContactSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Replaces the person's safe-contact rules; send every field.",
    )
    def put(self, request, pk):
        case = case_for_user(request.user, pk, write=True)
        ser = _valid(SafeContactInSerializer, request)
        data = ser.validated_data
        with _service_errors():
            person = services.contact_rules_set(
                actor=request.user,
                case=case,
                allowed=list(data["allowed_channels"]),
                forbidden=list(data["forbidden_channels"]),
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
        "not allow is refused with 400 and the code forbidden_channel; the message gives the reason.",
    )
    def post(self, request, pk):
        case = case_for_user(request.user, pk, write=True)
        ser = _valid(ContactCreateSerializer, request)
        channel = ser.validated_data["channel"]
        reason = services.contact_block_reason(case.person, channel)
        if reason:
            raise ApiError("forbidden_channel", reason, fields={"channel": [reason]})
        with _service_errors():
            entry = services.contact_record(
                actor=request.user, case=case, channel=channel, text=ser.validated_data["text"]
            )
        return Response(EntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class CaseReferralsView(APIView):
    @extend_schema(
        operation_id="case_referral_list",
        responses={200: ReferralSerializer(many=True), 404: ErrorSerializer},
        description="The case's referrals, oldest first.",
    )
    def get(self, request, pk):
        case = case_for_user(request.user, pk)
        referrals = list(case.referrals.order_by("requested_at", "id"))
        audit_read(request, case, subject=case.person, purpose=_purpose(request, case))
        return Response(ReferralSerializer(referrals, many=True).data)

    @extend_schema(
        operation_id="case_referral_create",
        request=ReferralCreateSerializer,
        responses={201: ReferralSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="A referral to the police waits (pending_approval) for a second case worker's decision.",
    )
    def post(self, request, pk):
        case = case_for_user(request.user, pk, write=True)
        ser = _valid(ReferralCreateSerializer, request)
        with _service_errors():
            referral = services.referral_create(actor=request.user, case=case, **ser.validated_data)
        return Response(ReferralSerializer(referral).data, status=status.HTTP_201_CREATED)


class PendingReferralsView(APIView):
    @extend_schema(
        operation_id="referral_pending_list",
        responses={200: ReferralSerializer(many=True), 404: ErrorSerializer},
        description="Disclosures to the police in the user's cases that wait for a second case worker's decision.",
    )
    def get(self, request):
        if not request.user.has_role(Role.SAGSBEHANDLER):
            raise Http404
        pending = _pending_referrals(request.user)
        audit_search(request, object_type="cases.referral", criterion="afventer godkendelse", purpose=services.PURPOSE)
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
        referral = referral_for_decision(request.user, pk)
        ser = _valid(ReferralDecisionSerializer, request)
        try:
            referral = services.referral_decide(
                actor=request.user, referral=referral, approve=ser.validated_data["approve"]
            )
        except DjangoValidationError as exc:
            pending = referral.status == Referral.Status.PENDING_APPROVAL
            code = "second_person_required" if pending else "not_pending"
            raise ApiError(code, " ".join(exc.messages)) from None
        return Response(ReferralSerializer(referral).data)


class CaseLinksView(APIView):
    @extend_schema(
        operation_id="case_link_create",
        request=LinkCreateSerializer,
        responses={201: CaseLinkSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Links the case to another case of the municipality that the user may also change.",
    )
    def post(self, request, pk):
        case = case_for_user(request.user, pk, write=True)
        ser = _valid(LinkCreateSerializer, request)
        other = linkable_case(request.user, case, ser.validated_data["number"])
        if other is None:
            raise ApiError("invalid", _("Ugyldige data."), fields={"number": [_("Du har ingen sag med det nummer.")]})
        with _service_errors():
            link = services.case_link_add(actor=request.user, case=case, other=other, kind=ser.validated_data["kind"])
        return Response(CaseLinkSerializer(link).data, status=status.HTTP_201_CREATED)


class TaskDoneView(APIView):
    @extend_schema(
        operation_id="task_done",
        request=TaskDoneSerializer,
        responses={200: TaskSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Marks a task of a case the user may change as done (again: no change).",
    )
    def post(self, request, pk):
        task = task_for_user(request.user, pk)
        TaskDoneSerializer(data=request.data).is_valid(raise_exception=True)
        task = services.task_done(actor=request.user, task=task)
        return Response(TaskSerializer(task).data)

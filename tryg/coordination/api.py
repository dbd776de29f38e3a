"""The coordination API: consultations with their threads, actors, meetings and referral answers. Thin adapters
over the same `access`, `selectors` and `services` as the pages; every read of personal data is logged; errors have
the shape {"error": {"code", "message", "fields"}}."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.accounts.models import User
from tryg.audit.models import Action
from tryg.audit.services import audit_read, audit_record
from tryg.cases import access as case_access
from tryg.core.api import ApiError, ErrorSerializer, valid
from tryg.core.paging import MAX_PAGE

from . import access, selectors, services
from .models import Actor, ActorReferral, Consultation

# --- serializers --------------------------------------------------------------------------------------


class MessageSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    from_asker = serializers.BooleanField()
    author = serializers.CharField(source="author.display_name", allow_null=True, default=None)
    text = serializers.CharField()
    created_at = serializers.DateTimeField()


class ConsultationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    topic = serializers.CharField()
    asker_type = serializers.ChoiceField(choices=Consultation.AskerType.choices)
    municipality = serializers.CharField(source="municipality.name", allow_null=True, default=None)
    unit = serializers.CharField(source="unit.name", allow_null=True, default=None)
    is_anonymous = serializers.BooleanField()
    target_group = serializers.ChoiceField(choices=Consultation.TargetGroup.choices)
    urgency = serializers.ChoiceField(choices=Consultation.Urgency.choices)
    status = serializers.ChoiceField(choices=Consultation.Status.choices)
    holder = serializers.CharField(source="holder.display_name", allow_null=True, default=None)
    created_at = serializers.DateTimeField()
    closed_at = serializers.DateTimeField(allow_null=True)


class ConsultationDetailSerializer(ConsultationSerializer):
    basis = serializers.CharField()
    consent_by = serializers.CharField()
    consent_on = serializers.DateField(allow_null=True)
    consent_scope = serializers.CharField()
    consent_form = serializers.CharField()
    person_name = serializers.CharField()
    case = serializers.UUIDField(source="case_id", allow_null=True)
    advice = serializers.CharField()
    follow_up = serializers.CharField()
    messages = MessageSerializer(many=True, source="thread")


class ConsultationCreateSerializer(serializers.Serializer):
    topic = serializers.CharField(max_length=200)
    text = serializers.CharField(max_length=10_000)
    is_anonymous = serializers.BooleanField(default=True)
    target_group = serializers.ChoiceField(choices=Consultation.TargetGroup.choices, default="unknown")
    urgency = serializers.ChoiceField(choices=Consultation.Urgency.choices, default="normal")
    case = serializers.UUIDField(required=False, allow_null=True, default=None, help_text="One of your cases.")
    basis = serializers.ChoiceField(choices=Consultation.Basis.choices, required=False, allow_blank=True, default="")
    consent_by = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    consent_on = serializers.DateField(required=False, allow_null=True, default=None)
    consent_scope = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    consent_form = serializers.ChoiceField(
        choices=Consultation.ConsentForm.choices, required=False, allow_blank=True, default=""
    )
    person_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    person_details = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")


class MessageCreateSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=10_000)


class CloseSerializer(serializers.Serializer):
    advice = serializers.CharField(max_length=10_000)
    follow_up = serializers.CharField(max_length=10_000, required=False, allow_blank=True, default="")


class ActorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Actor.Kind.choices)
    national = serializers.BooleanField(source="is_national")
    offers = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    url = serializers.CharField()
    address = serializers.CharField()
    hours = serializers.CharField()
    answers_in_tryg = serializers.SerializerMethodField()
    verified = serializers.BooleanField()

    def get_answers_in_tryg(self, obj) -> bool:
        return obj.unit_id is not None


class ParticipantSerializer(serializers.Serializer):
    name = serializers.CharField()
    external = serializers.SerializerMethodField()

    def get_external(self, obj) -> bool:
        return obj.actor_id is not None


class ActionSerializer(serializers.Serializer):
    task = serializers.UUIDField(source="task.public_id")
    title = serializers.CharField(source="task.title")
    owner = serializers.CharField(source="task.owner.display_name")
    due_date = serializers.DateField(source="task.due_date")


class AgendaItemSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    case = serializers.UUIDField(source="case_id")
    case_number = serializers.CharField(source="case.number")
    is_repeat = serializers.BooleanField()
    decisions = serializers.CharField()
    actions = ActionSerializer(many=True, source="actions.all")


class MeetingSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    starts_at = serializers.DateTimeField()
    place = serializers.CharField()


class MeetingDetailSerializer(MeetingSerializer):
    participants = ParticipantSerializer(many=True)
    agenda = AgendaItemSerializer(many=True, help_text="Only the cases you may see; the others are left out.")
    hidden_items = serializers.IntegerField()


class MeetingCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=150)
    starts_at = serializers.DateTimeField()
    place = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    case = serializers.UUIDField(required=False, allow_null=True, default=None)


class AgendaCreateSerializer(serializers.Serializer):
    case = serializers.UUIDField()


class ActionCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    owner = serializers.IntegerField(min_value=1, max_value=2_147_483_647, help_text="A user on the case team.")
    due_date = serializers.DateField()
    decisions = serializers.CharField(max_length=10_000, required=False, allow_blank=True, default="")


class ActorReferralSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    actor = serializers.CharField(source="actor.name")
    municipality = serializers.CharField(source="referral.case.municipality.name")
    text = serializers.CharField(source="referral.text")
    state = serializers.ChoiceField(choices=ActorReferral.State.choices)
    reason = serializers.CharField()
    outcome = serializers.CharField()
    created_at = serializers.DateTimeField()
    answered_at = serializers.DateTimeField(allow_null=True)


class AnswerSerializer(serializers.Serializer):
    answer = serializers.ChoiceField(choices=["accept", "decline", "outcome"])
    text = serializers.CharField(max_length=10_000, required=False, allow_blank=True, default="")


def _page(request) -> int:
    try:
        number = int(request.query_params.get("page", "1"))
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_PAGE:
        raise ApiError("invalid", _("Ugyldigt sidenummer."), fields={"page": [_("Ugyldigt sidenummer.")]})
    return number


PAGE_PARAM = OpenApiParameter("page", int, description="1 … 10000; 50 a page.")


def _detail_out(request, consultation) -> dict:
    consultation.thread = selectors.thread(consultation)
    audit_read(
        request,
        consultation,
        subject=("cases.person", consultation.case.person_id) if consultation.case_id else None,
        purpose=access.PURPOSE,
    )
    return ConsultationDetailSerializer(consultation).data


# --- consultations ------------------------------------------------------------------------------------


class ConsultationListView(APIView):
    @extend_schema(
        operation_id="coordination_consultation_list",
        parameters=[
            PAGE_PARAM,
            OpenApiParameter("scope", str, enum=["mine", "queue"], description="queue: the region's (consultants)."),
        ],
        responses={200: ConsultationSerializer(many=True), 404: ErrorSerializer},
    )
    def get(self, request):
        number = _page(request)
        scope = request.query_params.get("scope", "mine")
        if scope == "queue":
            access.require_consultant(request.user)
            rows, _page_info = selectors.queue_page(request.user, number=number)
            audit_record(
                actor=request.user,
                action=Action.VIEW,
                obj=("coordination.queue", ""),
                purpose=access.PURPOSE,
                detail=f"api page={number}",
            )
        elif scope == "mine":
            access.require_asker(request.user)
            rows, _page_info = selectors.my_consultations_page(request.user, number=number)
        else:
            raise ApiError("invalid", _("Ukendt scope."), fields={"scope": [_("Vælg mine eller queue.")]})
        return Response(ConsultationSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="coordination_consultation_create",
        request=ConsultationCreateSerializer,
        responses={201: ConsultationDetailSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Ask the region's consultants. Anonymous: a CPR number or a full name in any field is refused. "
        "Named (or with `case`): the legal basis first (consent: who, when, scope, how; or barnets lov § 172 c).",
    )
    def post(self, request):
        access.require_asker(request.user)
        data = valid(ConsultationCreateSerializer, request)
        case_pk = data.pop("case")
        case = access.optional_case_for_writer(request.user, case_pk)
        consultation = services.consultation_create(actor=request.user, case=case, **data)
        consultation = access.consultation_for_user(request.user, consultation.pk)
        return Response(_detail_out(request, consultation), status=status.HTTP_201_CREATED)


class ConsultationDetailView(APIView):
    @extend_schema(
        operation_id="coordination_consultation_retrieve",
        responses={200: ConsultationDetailSerializer, 404: ErrorSerializer},
        description="The consultation with its thread (the read is logged).",
    )
    def get(self, request, pk):
        return Response(_detail_out(request, access.consultation_for_user(request.user, pk)))


class ConsultationMessagesView(APIView):
    @extend_schema(
        operation_id="coordination_consultation_message_create",
        request=MessageCreateSerializer,
        responses={201: MessageSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request, pk):
        consultation = access.consultation_for_writer(request.user, pk)
        data = valid(MessageCreateSerializer, request)
        message = services.message_add(actor=request.user, consultation=consultation, text=data["text"])
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)


class ConsultationCloseView(APIView):
    @extend_schema(
        operation_id="coordination_consultation_close",
        request=CloseSerializer,
        responses={200: ConsultationDetailSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="A consultant of the region ends the consultation with the advice given and the follow-ups.",
    )
    def post(self, request, pk):
        consultation = access.consultation_for_consultant(request.user, pk)
        data = valid(CloseSerializer, request)
        services.consultation_close(actor=request.user, consultation=consultation, **data)
        return Response(_detail_out(request, access.consultation_for_user(request.user, pk)))


# --- actors -------------------------------------------------------------------------------------------


class ActorListView(APIView):
    @extend_schema(
        operation_id="coordination_actor_list",
        responses={200: ActorSerializer(many=True), 404: ErrorSerializer},
        description="The directory: national actors and those of your municipality (a consultant: the region's).",
    )
    def get(self, request):
        access.require_directory(request.user)
        return Response(ActorSerializer(access.visible_actors(request.user).order_by("name")[:1000], many=True).data)


# --- meetings -----------------------------------------------------------------------------------------


def _meeting_out(request, meeting) -> dict:
    data = selectors.meeting_file(request.user, meeting)
    readable = [i for i in data["items"] if i.may_read]
    for item in readable:
        audit_read(request, item, subject=("cases.person", item.case.person_id), purpose=access.MEETING_PURPOSE)
    audit_read(request, meeting, purpose=access.MEETING_PURPOSE)
    out = {
        **MeetingSerializer(meeting).data,
        "participants": data["participants"],
        "agenda": readable,
        "hidden_items": len(data["items"]) - len(readable),
    }
    return MeetingDetailSerializer(out).data


class MeetingListView(APIView):
    @extend_schema(
        operation_id="coordination_meeting_list", responses={200: MeetingSerializer(many=True), 404: ErrorSerializer}
    )
    def get(self, request):
        access.require_meeting_role(request.user)
        return Response(
            MeetingSerializer(
                selectors.meetings_for(request.user, access.visible_meetings(request.user)), many=True
            ).data
        )

    @extend_schema(
        operation_id="coordination_meeting_create",
        request=MeetingCreateSerializer,
        responses={201: MeetingDetailSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def post(self, request):
        access.require_meeting_role(request.user)
        data = valid(MeetingCreateSerializer, request)
        case_pk = data.pop("case")
        case = access.optional_case_for_writer(request.user, case_pk)
        meeting = services.meeting_create(actor=request.user, **data)
        if case is not None:
            services.agenda_add(actor=request.user, meeting=meeting, case=case)
        return Response(_meeting_out(request, meeting), status=status.HTTP_201_CREATED)


class MeetingDetailView(APIView):
    @extend_schema(
        operation_id="coordination_meeting_retrieve",
        responses={200: MeetingDetailSerializer, 404: ErrorSerializer},
        description="Participants (external actors by name only) and the agenda items whose case you may see.",
    )
    def get(self, request, pk):
        return Response(_meeting_out(request, access.meeting_for_user(request.user, pk)))


class MeetingAgendaView(APIView):
    @extend_schema(
        operation_id="coordination_meeting_agenda_create",
        request=AgendaCreateSerializer,
        responses={201: AgendaItemSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Put one of your cases on the agenda; `is_repeat` is true when it was on one within 12 months.",
    )
    def post(self, request, pk):
        meeting = access.meeting_for_user(request.user, pk)
        data = valid(AgendaCreateSerializer, request)
        case = case_access.case_for_user(request.user, data["case"], write=True)
        item = services.agenda_add(actor=request.user, meeting=meeting, case=case)
        return Response(AgendaItemSerializer(item).data, status=status.HTTP_201_CREATED)


class AgendaActionView(APIView):
    @extend_schema(
        operation_id="coordination_agenda_action_create",
        request=ActionCreateSerializer,
        responses={201: AgendaItemSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="A decision's action (owner on the case's team, deadline): it becomes a task of the case.",
    )
    def post(self, request, pk):
        item = access.agenda_item_for_user(request.user, pk, write=True)
        data = valid(ActionCreateSerializer, request)
        decisions = data.pop("decisions")
        owner = User.objects.filter(pk=data.pop("owner")).first()
        if owner is None:
            raise ApiError("invalid", _("Vælg en i sagens team."), fields={"owner": [_("Vælg en i sagens team.")]})
        if decisions:
            services.meeting_decisions_set(actor=request.user, item=item, decisions=decisions)
        services.meeting_action_add(actor=request.user, item=item, owner=owner, **data)
        item = access.agenda_item_for_user(request.user, pk, write=True)
        return Response(AgendaItemSerializer(item).data, status=status.HTTP_201_CREATED)


# --- referrals ----------------------------------------------------------------------------------------


class ReferralInboxView(APIView):
    @extend_schema(
        operation_id="coordination_referral_inbox",
        parameters=[PAGE_PARAM],
        responses={200: ActorReferralSerializer(many=True), 404: ErrorSerializer},
        description="Referrals to your units (the reads are logged).",
    )
    def get(self, request):
        rows, _page_info = selectors.inbox_page(access.inbox_referrals(request.user), number=_page(request))
        for row in rows:
            audit_read(
                request, row, subject=("cases.person", row.referral.case.person_id), purpose=access.REFERRAL_PURPOSE
            )
        return Response(ActorReferralSerializer(rows, many=True).data)


class ReferralAnswerView(APIView):
    @extend_schema(
        operation_id="coordination_referral_answer",
        request=AnswerSerializer,
        responses={200: ActorReferralSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        description="Accept, decline (with a reason) or report the outcome (after accepting).",
    )
    def post(self, request, pk):
        item = access.actor_referral_for_recipient(request.user, pk)
        data = valid(AnswerSerializer, request)
        item = services.actor_referral_answer(actor=request.user, item=item, **data)
        item = access.actor_referral_for_recipient(request.user, pk)
        return Response(ActorReferralSerializer(item).data)

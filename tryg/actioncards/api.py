"""The action-card API: published cards, and walking a card step by step."""

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.core.api import ApiError

from . import access
from .models import Walk
from .selectors import outcome_details, walk_summary, walkable_cards
from .services import WalkError, published_version, walk_answer, walk_start


class OptionSerializer(serializers.Serializer):
    id = serializers.CharField()
    label = serializers.CharField()
    next = serializers.CharField()


class EntryRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True)
    hours = serializers.CharField(required=False, allow_blank=True)


class NodeSerializer(serializers.Serializer):
    """A node of the card graph; which fields are present depends on `kind`."""

    id = serializers.CharField()
    kind = serializers.CharField(help_text="question, instruction or outcome")
    title = serializers.CharField(required=False)
    text = serializers.CharField()
    help = serializers.CharField(required=False)
    options = OptionSerializer(many=True, required=False)
    checklist = serializers.ListField(child=serializers.CharField(), required=False)
    next = serializers.CharField(required=False, help_text='Instruction nodes: answer with {"option": "next"}.')
    actions = serializers.ListField(child=serializers.CharField(), required=False)
    contacts = serializers.ListField(child=serializers.CharField(), required=False)
    provisions = serializers.ListField(child=serializers.CharField(), required=False)
    create_concern = serializers.BooleanField(required=False)
    target_group = serializers.CharField(required=False, allow_blank=True)
    contact_details = EntryRefSerializer(many=True, required=False)
    provision_details = EntryRefSerializer(many=True, required=False)


class CardListItemSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    target_group = serializers.CharField()
    national = serializers.BooleanField()
    version = serializers.IntegerField()
    published_at = serializers.DateTimeField()


class CardDetailSerializer(CardListItemSerializer):
    start = serializers.CharField()
    nodes = NodeSerializer(many=True)


class WalkStartRequestSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, min_value=1, help_text="Start only if this is still the published version."
    )


class WalkStartResponseSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    node = NodeSerializer()


class AnswerRequestSerializer(serializers.Serializer):
    option = serializers.CharField(max_length=80, help_text='An option id of the current question, or "next".')
    node = serializers.CharField(
        max_length=80, required=False, help_text="The node being answered; refused if the walk has moved on."
    )


class AnswerResponseSerializer(serializers.Serializer):
    node = NodeSerializer()
    done = serializers.BooleanField()


class AnswerItemSerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = serializers.CharField()
    at = serializers.DateTimeField()


class OutcomeSerializer(serializers.Serializer):
    title = serializers.CharField()
    text = serializers.CharField()
    actions = serializers.ListField(child=serializers.CharField())
    create_concern = serializers.BooleanField()
    target_group = serializers.CharField(allow_blank=True)


class WalkDetailSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    card_title = serializers.CharField()
    card_slug = serializers.CharField()
    version = serializers.IntegerField()
    started_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    done = serializers.BooleanField()
    node = NodeSerializer()
    answers = AnswerItemSerializer(many=True)
    outcome = OutcomeSerializer(allow_null=True)


def _card_item(card, version) -> dict:
    return {
        "slug": card.slug,
        "title": version.title,
        "target_group": card.target_group,
        "national": card.municipality_id is None,
        "version": version.number,
        "published_at": version.published_at,
    }


def _node_payload(node: dict, municipality) -> dict:
    data = dict(node)
    if node["kind"] == "outcome":
        details = outcome_details(node, municipality)
        keep = ("slug", "title", "url", "phone", "hours")
        data["contact_details"] = [{k: c.get(k, "") for k in keep} for c in details["contacts"]]
        data["provision_details"] = [{k: p.get(k, "") for k in keep[:3]} for p in details["provisions"]]
    return data


class CardListView(APIView):
    @extend_schema(responses=CardListItemSerializer(many=True), summary="Published action cards the user may walk")
    def get(self, request):
        items = [_card_item(i["card"], i["version"]) for i in walkable_cards(request.user)]
        return Response(CardListItemSerializer(items, many=True).data)


class CardDetailView(APIView):
    @extend_schema(responses=CardDetailSerializer, summary="An action card's current published graph")
    def get(self, request, slug: str):
        card = access.card_for_user(request.user, slug)
        version = published_version(card)
        if version is None:
            raise ApiError("not_published", "Handlekortet er ikke offentliggjort.", status_code=404)
        data = {**_card_item(card, version), "start": version.start, "nodes": version.graph["nodes"]}
        return Response(CardDetailSerializer(data).data)


class WalkStartView(APIView):
    @extend_schema(
        request=WalkStartRequestSerializer,
        responses={201: WalkStartResponseSerializer},
        summary="Start walking the card's published version",
    )
    def post(self, request, slug: str):
        card = access.card_for_user(request.user, slug)
        body = WalkStartRequestSerializer(data=request.data or {})
        body.is_valid(raise_exception=True)
        try:
            walk = walk_start(user=request.user, card=card, expected_number=body.validated_data.get("version"))
        except WalkError as exc:
            raise ApiError(exc.code, exc.message) from exc
        node = walk.card_version.node(walk.current_node)
        payload = {"id": walk.pk, "node": _node_payload(node, request.user.municipality)}
        return Response(WalkStartResponseSerializer(payload).data, status=status.HTTP_201_CREATED)


class WalkAnswerView(APIView):
    @extend_schema(
        request=AnswerRequestSerializer,
        responses=AnswerResponseSerializer,
        summary='Answer the current step (option id, or "next" on an instruction)',
    )
    def post(self, request, walk_id):
        with transaction.atomic():
            walk = access.walk_for_user(request.user, walk_id, write=True)
            body = AnswerRequestSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            option = body.validated_data["option"]
            try:
                walk_answer(walk=walk, option_id=option, node_key=body.validated_data.get("node"))
            except WalkError as exc:
                fields = {"option": [exc.message]} if exc.code == "invalid_option" else None
                raise ApiError(exc.code, exc.message, fields=fields) from exc
        node = walk.card_version.node(walk.current_node)
        payload = {"node": _node_payload(node, request.user.municipality), "done": walk.is_finished}
        return Response(AnswerResponseSerializer(payload).data)


class WalkDetailView(APIView):
    @extend_schema(responses=WalkDetailSerializer, summary="A walk of your own: answers so far and the outcome")
    def get(self, request, walk_id):
        walk: Walk = access.walk_for_user(request.user, walk_id)
        summary = walk_summary(walk)
        node = walk.card_version.node(walk.current_node)
        payload = {
            "id": walk.pk,
            "card_title": summary["card_title"],
            "card_slug": summary["card_slug"],
            "version": summary["version"],
            "started_at": walk.started_at,
            "finished_at": walk.finished_at,
            "done": walk.is_finished,
            "node": _node_payload(node, request.user.municipality),
            "answers": summary["answers"],
            "outcome": summary["outcome"],
        }
        return Response(WalkDetailSerializer(payload).data)

"""Every write of the action-card app: importing and editing card versions, publishing, and walks."""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .graph import CardDocument, CardError, load_card
from .knowledge_links import known_slugs_checker
from .models import ActionCard, CardVersion, Walk, WalkAnswer

NEXT = "next"  # the option id that moves on from an instruction node


class WalkError(Exception):
    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message
        super().__init__(message)


def card_document_load(*, text: str | bytes, municipality) -> CardDocument:
    """Parse and validate YAML; knowledge citations are checked against what `municipality` sees."""
    return load_card(text, known_slugs=known_slugs_checker(municipality))


def _draft_for(card: ActionCard, *, user) -> CardVersion:
    draft = card.versions.filter(status=CardVersion.Status.DRAFT).first()
    if draft is None:
        last = card.versions.aggregate(n=Max("number"))["n"] or 0
        draft = CardVersion(card=card, number=last + 1, status=CardVersion.Status.DRAFT, created_by=user)
    return draft


@transaction.atomic
def card_import(*, user, municipality, text: str | bytes) -> CardVersion:
    """Import a YAML card into `municipality` (None = national) as a draft version.

    A new slug makes a new card; an existing card gets its draft replaced, or a new draft version
    after the published one. Published versions are never touched.
    """
    doc = card_document_load(text=text, municipality=municipality)
    card = ActionCard.objects.select_for_update().filter(municipality=municipality, slug=doc.slug).first()
    try:
        with transaction.atomic():
            if card is None:
                card = ActionCard(
                    municipality=municipality, slug=doc.slug, title=doc.title, target_group=doc.target_group
                )
                card.full_clean(validate_unique=False)
                card.save()
            return _save_draft(card=card, doc=doc, user=user)
    except IntegrityError as exc:  # the same card imported twice at once
        raise CardError([_("Kortet blev gemt samtidig et andet sted. Prøv igen.")]) from exc


@transaction.atomic
def card_draft_save(*, user, card: ActionCard, text: str | bytes) -> CardVersion:
    """Save edited YAML as the card's draft (a new version if the card has none)."""
    doc = card_document_load(text=text, municipality=card.municipality or user.municipality)
    if doc.slug != card.slug:
        raise CardError([_('Slug kan ikke ændres her: kortet hedder "%(slug)s".') % {"slug": card.slug}])
    card = ActionCard.objects.select_for_update().get(pk=card.pk)
    return _save_draft(card=card, doc=doc, user=user)


def _save_draft(*, card: ActionCard, doc: CardDocument, user) -> CardVersion:
    draft = _draft_for(card, user=user)
    draft.title = doc.title
    draft.graph = {**doc.graph, "target_group": doc.target_group}
    draft.created_by = user
    draft.created_at = timezone.now()
    draft.full_clean(validate_unique=False, validate_constraints=False)
    draft.save()
    return draft


@transaction.atomic
def card_publish(*, user, card: ActionCard, number: int) -> CardVersion:
    """Publish draft `number`; the previously published version is retired (old walks keep it)."""
    card = ActionCard.objects.select_for_update().get(pk=card.pk)
    draft = card.versions.filter(status=CardVersion.Status.DRAFT, number=number).first()
    if draft is None:
        raise CardError([_("Der er ingen kladde med version %(n)s at offentliggøre.") % {"n": number}])
    now = timezone.now()
    card.versions.filter(status=CardVersion.Status.PUBLISHED).update(status=CardVersion.Status.RETIRED, retired_at=now)
    draft.status = CardVersion.Status.PUBLISHED
    draft.published_at = now
    draft.published_by = user
    draft.save(update_fields=["status", "published_at", "published_by"])
    card.title = draft.title
    card.target_group = draft.graph.get("target_group", card.target_group)
    card.save(update_fields=["title", "target_group"])
    return draft


def published_version(card: ActionCard) -> CardVersion | None:
    return card.versions.filter(status=CardVersion.Status.PUBLISHED).first()


@transaction.atomic
def walk_start(*, user, card: ActionCard, expected_number: int | None = None) -> Walk:
    version = published_version(card)
    if version is None:
        raise WalkError("not_published", _("Handlekortet er ikke offentliggjort."))
    if expected_number is not None and expected_number != version.number:
        raise WalkError(
            "version_changed",
            _("Handlekortet er kommet i en ny version (%(n)s). Start igen fra kortet.") % {"n": version.number},
        )
    walk = Walk(card_version=version, user=user, municipality=user.municipality, current_node=version.start)
    _settle(walk, version)
    walk.full_clean()
    walk.save(force_insert=True)
    return walk


def _settle(walk: Walk, version: CardVersion) -> None:
    """Mark the walk finished when its current node is an outcome."""
    node = version.node(walk.current_node)
    if node and node["kind"] == "outcome":
        walk.finished_at = timezone.now()
        walk.outcome_node = node["id"]
    else:
        walk.finished_at = None
        walk.outcome_node = ""


def _step_question(node: dict) -> str:
    if node["kind"] == "instruction":
        return node.get("title") or node["text"][:200]
    return node["text"]


def walk_answer(*, walk: Walk, option_id: str, node_key: str | None = None) -> Walk:
    """Answer the walk's current step. `walk` must come from walk_for_user(..., write=True) in a transaction.

    For an instruction node the only option is "next". `node_key`, when given, must be the step the user
    was looking at (a stale form after the browser's back button is refused rather than misapplied).
    """
    if walk.is_finished:
        raise WalkError("walk_finished", _("Forløbet er afsluttet. Gå et skridt tilbage eller start forfra."))
    if node_key is not None and node_key != walk.current_node:
        raise WalkError("stale_step", _("Siden var forældet. Her er det trin, forløbet står ved nu."))
    version = walk.card_version
    node = version.node(walk.current_node)
    if node is None:
        raise WalkError("broken_walk", _("Forløbet peger på et punkt, som ikke findes i kortet."))
    if node["kind"] == "question":
        option = next((o for o in node["options"] if o["id"] == option_id), None)
        if option is None:
            raise WalkError("invalid_option", _("Vælg en af svarmulighederne."))
        label, target = option["label"], option["next"]
    else:
        if option_id != NEXT:
            raise WalkError("invalid_option", _('Et instruktionstrin besvares med "next".'))
        label, target = _("Videre"), node["next"]
    position = (walk.answers.aggregate(n=Max("position"))["n"] or 0) + 1
    try:
        with transaction.atomic():
            WalkAnswer.objects.create(
                walk=walk,
                position=position,
                node_key=node["id"],
                question=_step_question(node),
                option_id=option_id,
                option_label=label,
            )
    except IntegrityError as exc:
        raise WalkError("conflict", _("Trinnet blev besvaret samtidig et andet sted. Prøv igen.")) from exc
    walk.current_node = target
    _settle(walk, version)
    walk.save(update_fields=["current_node", "finished_at", "outcome_node"])
    return walk


def walk_back(*, walk: Walk, node_key: str | None = None) -> Walk:
    """Go back to the last answered step and drop that answer (and so everything after it)."""
    if node_key is not None and node_key != walk.current_node:
        raise WalkError("stale_step", _("Siden var forældet. Her er det trin, forløbet står ved nu."))
    last = walk.answers.order_by("-position").first()
    if last is None:
        raise WalkError("at_start", _("Forløbet står allerede ved første trin."))
    walk.answers.filter(position__gte=last.position).delete()
    walk.current_node = last.node_key
    _settle(walk, walk.card_version)
    walk.save(update_fields=["current_node", "finished_at", "outcome_node"])
    return walk


def walk_restart(*, walk: Walk, node_key: str | None = None) -> Walk:
    """Start the same card version again from the first step; earlier answers are dropped."""
    if node_key is not None and node_key != walk.current_node:
        raise WalkError("stale_step", _("Siden var forældet. Her er det trin, forløbet står ved nu."))
    walk.answers.all().delete()
    walk.current_node = walk.card_version.start
    walk.started_at = timezone.now()
    _settle(walk, walk.card_version)
    walk.save(update_fields=["current_node", "finished_at", "outcome_node", "started_at"])
    return walk

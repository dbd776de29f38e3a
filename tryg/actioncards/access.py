"""The one way to fetch action cards, versions and walks for a user. Anything else is a 404."""

import uuid

from django.db.models import Q
from django.http import Http404

from tryg.accounts.models import Role

from .models import ActionCard, CardVersion, Walk

EDIT_NATIONAL = "actioncards.edit_national"
# Who edits their own municipality's cards.
EDITOR_ROLES = (Role.TOVHOLDER,)


def is_staff_member(user) -> bool:
    return bool(user.is_authenticated and user.roles)


def can_edit_national(user) -> bool:
    return user.is_authenticated and user.has_perm(EDIT_NATIONAL)


def is_card_editor(user) -> bool:
    """May use the editing pages at all: a tovholder, or someone allowed to edit national cards."""
    return user.is_authenticated and (user.has_role(*EDITOR_ROLES) or can_edit_national(user))


def require_staff_member(user) -> None:
    if not is_staff_member(user):
        raise Http404


def require_card_editor(user) -> None:
    if not is_card_editor(user):
        raise Http404


def import_municipality(user):
    """The municipality a card import lands in when not national: the tovholder's own, else None."""
    return user.municipality if user.has_role(*EDITOR_ROLES) else None


def can_edit_card(user, card: ActionCard) -> bool:
    if card.municipality_id is None:
        return can_edit_national(user)
    return user.has_role(*EDITOR_ROLES) and card.municipality_id == user.municipality_id


def editable_cards(user):
    if not user.is_authenticated:
        return ActionCard.objects.none()
    condition = Q(pk__in=[])
    if user.has_role(*EDITOR_ROLES) and user.municipality_id:
        condition |= Q(municipality_id=user.municipality_id)
    if can_edit_national(user):
        condition |= Q(municipality__isnull=True)
    return ActionCard.objects.filter(condition)


def _pick(cards: list[ActionCard], user) -> ActionCard | None:
    # The user's own municipality's card wins over a national card with the same slug.
    own = [c for c in cards if c.municipality_id is not None]
    return (own or cards or [None])[0]


def card_for_user(user, slug: str, *, edit: bool = False) -> ActionCard:
    """A card the user may walk (it has a published version) or, with edit=True, may edit."""
    if not is_staff_member(user):
        raise Http404
    cards = list(ActionCard.objects.visible_to(user).filter(slug=slug).select_related("municipality"))
    if edit:
        cards = [c for c in cards if can_edit_card(user, c)]
    else:
        editable = {c.pk for c in cards if can_edit_card(user, c)}
        published = set(
            CardVersion.objects.filter(card__in=cards, status=CardVersion.Status.PUBLISHED).values_list(
                "card_id", flat=True
            )
        )
        cards = [c for c in cards if c.pk in published or c.pk in editable]
    card = _pick(cards, user)
    if card is None:
        raise Http404
    return card


def version_for_user(user, slug: str, number: int) -> CardVersion:
    """A version of a visible card: drafts only for its editors."""
    card = card_for_user(user, slug)
    version = CardVersion.objects.filter(card=card, number=number).select_related("card").first()
    if version is None or (version.is_draft and not can_edit_card(user, card)):
        raise Http404
    return version


def walk_for_user(user, walk_id, *, write: bool = False) -> Walk:
    """The user's own walk; nobody else's (not even their municipality's). Lock it for writes."""
    if not is_staff_member(user):
        raise Http404
    try:
        walk_uuid = walk_id if isinstance(walk_id, uuid.UUID) else uuid.UUID(str(walk_id))
    except ValueError as exc:
        raise Http404 from exc
    qs = Walk.objects.select_related("card_version", "card_version__card")
    if write:
        qs = qs.select_for_update(of=("self",))
    walk = qs.filter(pk=walk_uuid, user_id=user.pk).first()
    if walk is None:
        raise Http404
    return walk

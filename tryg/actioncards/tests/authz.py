"""This app's rows of the authorization matrix (see tryg/core/testing.py).

Walking: every staff role walks published cards of national + their own municipality; Aalborg's card is a
404 for the outsider (Hjørring). A walk belongs to its user alone (fagperson here). Editing: the tovholder
for their municipality's cards; national cards need actioncards.edit_national, which nobody in the cast has.
POSTs send invalid data, so allowed roles get 400 and nothing changes.
"""

from tryg.core.testing import Rule, expect

from ..services import card_draft_save, card_import, card_publish, walk_start
from .helpers import SMALL_CARD

ALL = expect(200)
OWN = expect(200, outsider=404)
EDITOR = expect(404, tovholder=200)
EDITOR_BAD = expect(404, tovholder=400)
WALKER = expect(404, fagperson=200)
WALKER_BAD = expect(404, fagperson=400)
API_ALL = expect(200, anonymous=401)
API_OWN = expect(200, anonymous=401, outsider=404)


def setup(cast) -> dict:
    tovholder = cast["tovholder"]
    aalborg = tovholder.municipality
    text = SMALL_CARD.replace("lille-kort", "authz-kort")
    v1 = card_import(user=tovholder, municipality=aalborg, text=text)
    card_publish(user=tovholder, card=v1.card, number=v1.number)
    draft = card_draft_save(user=tovholder, card=v1.card, text=text)
    national = card_import(user=None, municipality=None, text=SMALL_CARD.replace("lille-kort", "authz-national"))
    card_publish(user=None, card=national.card, number=national.number)
    walk = walk_start(user=cast["fagperson"], card=v1.card)
    return {"slug": "authz-kort", "national": "authz-national", "draft": draft.number, "walk": walk.pk}


def _card(w):
    return {"slug": w["slug"]}


def _walk(w):
    return {"walk_id": w["walk"]}


RULES = [
    Rule("actioncards:card-list", ALL),
    Rule("actioncards:walk-list", ALL),
    Rule("actioncards:card-detail", OWN, kwargs=_card),
    Rule("actioncards:card-detail", ALL, kwargs=lambda w: {"slug": w["national"]}),
    Rule("actioncards:walk-start", expect(400, outsider=404), kwargs=_card, method="post", data={}),
    Rule("actioncards:walk-step", WALKER, kwargs=_walk),
    Rule("actioncards:walk-step", WALKER_BAD, kwargs=_walk, method="post", data={"option": "", "node": "q1"}),
    Rule("actioncards:walk-back", WALKER_BAD, kwargs=_walk, method="post", data={}),
    Rule("actioncards:walk-restart", WALKER_BAD, kwargs=_walk, method="post", data={}),
    Rule("actioncards:version-detail", OWN, kwargs=lambda w: {"slug": w["slug"], "number": 1}),
    Rule("actioncards:version-detail", EDITOR, kwargs=lambda w: {"slug": w["slug"], "number": w["draft"]}),
    Rule("actioncards:version-export", OWN, kwargs=lambda w: {"slug": w["slug"], "number": 1}),
    Rule("actioncards:version-diff", OWN, kwargs=lambda w: {"slug": w["slug"], "number": 1}),
    Rule("actioncards:version-diff", EDITOR, kwargs=lambda w: {"slug": w["slug"], "number": w["draft"]}),
    Rule("actioncards:version-diff", expect(404), kwargs=lambda w: {"slug": w["slug"], "number": 99}),
    Rule("actioncards:card-manage", EDITOR),
    Rule("actioncards:card-import", EDITOR),
    Rule("actioncards:card-import", EDITOR_BAD, method="post", data={}),
    Rule("actioncards:card-edit", EDITOR, kwargs=_card),
    Rule("actioncards:card-edit", EDITOR_BAD, kwargs=_card, method="post", data={"yaml": ""}),
    Rule("actioncards:card-edit", expect(404), kwargs=lambda w: {"slug": w["national"]}),
    Rule("actioncards:card-publish", EDITOR_BAD, kwargs=_card, method="post", data={}),
    Rule("actioncards-api:card-list", API_ALL),
    Rule("actioncards-api:card-detail", API_OWN, kwargs=_card),
    Rule(
        "actioncards-api:walk-start",
        expect(400, anonymous=401, outsider=404),
        kwargs=_card,
        method="post",
        data={"version": "x"},
        json=True,
    ),
    Rule(
        "actioncards-api:walk-answer",
        expect(404, anonymous=401, fagperson=400),
        kwargs=_walk,
        method="post",
        data={"option": ""},
        json=True,
    ),
    Rule("actioncards-api:walk-detail", expect(404, anonymous=401, fagperson=200), kwargs=_walk),
]

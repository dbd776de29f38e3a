"""This app's rows of the authorization matrix (see tryg/core/testing.py).

Reading: every staff role of any municipality reads national entries and their own municipality's;
Aalborg's own entry is a 404 for the outsider (Hjørring). Editing: only the tovholder, for their own
municipality; national drafts need the knowledge.edit_national permission, which nobody in the cast has.
POSTs send something invalid, so allowed roles get 400 and nothing changes.
"""

from tryg.core.testing import Rule, expect

from ..models import Entry
from ..services import entry_create_draft, entry_create_published, entry_publish, entry_start_revision

READ = expect(200)
READ_OWN = expect(200, outsider=404)
EDIT = expect(404, tovholder=200)
EDIT_BAD = expect(404, tovholder=400)
NOBODY = expect(404)
API_READ = expect(200, anonymous=401)
API_READ_OWN = expect(200, anonymous=401, outsider=404)
API_BAD = expect(400, anonymous=401)


def setup(cast) -> dict:
    aalborg = cast["tovholder"].municipality
    tovholder = cast["tovholder"]
    national = entry_create_published(
        actor=None,
        municipality=None,
        slug="authz-national",
        kind=Entry.Kind.LEGAL_PROVISION,
        title="Tvangsægteskab",
        law="Straffeloven",
        paragraph="§ 260",
        stk="2",
    )
    contact = dict(kind=Entry.Kind.CONTACT, title="Aalborgs egen kontakt", audience="Fagpersoner", phone="99 82 34 20")
    own_v1 = entry_create_published(actor=tovholder, municipality=aalborg, slug="authz-aalborg", **contact)
    own_v2 = entry_publish(actor=tovholder, entry=entry_start_revision(actor=tovholder, entry=own_v1))
    draft = entry_start_revision(actor=tovholder, entry=own_v2)
    # Aalborg's own, current version of the national entry: a second override attempt is refused (400).
    entry_create_published(
        actor=tovholder,
        municipality=aalborg,
        slug="authz-national",
        kind=Entry.Kind.LEGAL_PROVISION,
        title="Tvangsægteskab i Aalborg",
        law="Straffeloven",
        paragraph="§ 260",
        stk="2",
    )
    national_draft = entry_create_draft(
        actor=None,
        municipality=None,
        slug="authz-national-draft",
        kind=Entry.Kind.TOOL,
        title="Kladde",
        tool_type="checklist",
    )
    return {
        "national": national,
        "own_v1": own_v1,
        "own_v2": own_v2,
        "draft": draft,
        "national_draft": national_draft,
    }


RULES = [
    Rule("knowledge:search", READ),
    Rule("knowledge:search", READ, query="q=tvangsægteskaber&kind=legal_provision"),
    Rule("knowledge:search", expect(400), query="kind=bogus"),
    Rule("knowledge:entry", READ, kwargs=lambda w: {"slug": w["national"].slug}),
    Rule("knowledge:entry", READ_OWN, kwargs=lambda w: {"slug": w["own_v2"].slug}),
    Rule("knowledge:entry-history", READ_OWN, kwargs=lambda w: {"slug": w["own_v2"].slug}),
    Rule("knowledge:entry-version", READ_OWN, kwargs=lambda w: {"slug": w["own_v1"].slug, "version": 1}),
    Rule(
        "knowledge:entry-version",
        NOBODY | {"anonymous": 302},
        kwargs=lambda w: {"slug": w["own_v1"].slug, "version": 99},
    ),
    Rule("knowledge:entry-diff", READ_OWN, kwargs=lambda w: {"slug": w["own_v2"].slug, "version": 2}),
    Rule("knowledge:entry-diff", READ, kwargs=lambda w: {"slug": w["national"].slug, "version": 1}),
    Rule(
        "knowledge:entry-diff",
        NOBODY | {"anonymous": 302},
        kwargs=lambda w: {"slug": w["own_v1"].slug, "version": 99},
    ),
    Rule("knowledge:law-changes", EDIT),
    Rule("knowledge:manage", EDIT),
    Rule("knowledge:review-due", EDIT),
    Rule("knowledge:entry-create", EDIT),
    Rule("knowledge:entry-create", EDIT_BAD, method="post", data={"kind": "bogus"}),
    Rule("knowledge:entry-edit", EDIT, kwargs=lambda w: {"pk": w["draft"].pk}),
    Rule("knowledge:entry-edit", EDIT_BAD, kwargs=lambda w: {"pk": w["draft"].pk}, method="post", data={"title": ""}),
    Rule("knowledge:entry-edit", NOBODY | {"anonymous": 302}, kwargs=lambda w: {"pk": w["national_draft"].pk}),
    Rule("knowledge:entry-revise", EDIT_BAD, kwargs=lambda w: {"pk": w["own_v1"].pk}, method="post"),
    Rule("knowledge:entry-publish", EDIT_BAD, kwargs=lambda w: {"pk": w["own_v2"].pk}, method="post"),
    Rule("knowledge:entry-discard", EDIT_BAD, kwargs=lambda w: {"pk": w["own_v2"].pk}, method="post"),
    Rule(
        "knowledge:entry-publish",
        NOBODY | {"anonymous": 302},
        kwargs=lambda w: {"pk": w["national_draft"].pk},
        method="post",
    ),
    Rule("knowledge:entry-retire", EDIT, kwargs=lambda w: {"pk": w["own_v2"].pk}),
    Rule("knowledge:entry-retire", EDIT_BAD, kwargs=lambda w: {"pk": w["own_v1"].pk}, method="post"),
    Rule("knowledge:entry-override", EDIT_BAD, kwargs=lambda w: {"slug": w["national"].slug}, method="post"),
    Rule("knowledge-api:entry-list", API_READ, query="q=tvangsægteskab"),
    Rule("knowledge-api:entry-list", API_BAD, query="kind=bogus"),
    Rule("knowledge-api:entry-detail", API_READ, kwargs=lambda w: {"slug": w["national"].slug}),
    Rule("knowledge-api:entry-detail", API_READ_OWN, kwargs=lambda w: {"slug": w["own_v2"].slug}),
]

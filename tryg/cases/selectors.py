"""Every read of the cases app that crosses relations: search, queues, candidates, the case and concern pages.

Pages and API call these with a user whose access is already checked (`access.py`); the reads themselves
are written once, here. None of them writes to the access log: the view or endpoint that shows the result
calls `audit_read`/`audit_search` itself.
"""

import re

from django.core.exceptions import ValidationError
from django.db.models import Exists, F, OuterRef, Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.accounts.models import Membership, Role, Unit, User
from tryg.core.paging import Page

from . import identity
from .access import caseworker_unit_ids, readable_ids, recent_visible_case_ids, visible_cases
from .models import (
    CLOCK_RUNNING,
    Case,
    CaseLink,
    CaseMember,
    Concern,
    IntakeRouting,
    Notification,
    PersonToken,
    Referral,
    Task,
    TimelineEntry,
    running_deadline,
)

NUMBER_RE = re.compile(r"^\d{4}-\d{1,6}$")
QUEUE_PAGE = 50
TASKS_PAGE = 50
LIST_LIMIT = 50
SEARCH_CHUNK = 200
SEARCH_CHUNKS = 10
DEADLINES_SHOWN = 20
# Long lists count at most this many rows past the page ("1–50 af over 1000"): an exact count of every open
# task or pending concern grows with the data (19–24 ms at 34,000 tasks), a capped one does not (< 1 ms).
COUNT_CAP = 1000
# What a concern row with its clocks needs (the encrypted description and person details stay unloaded).
CLOCK_FIELDS = (
    "id",
    "urgency",
    "target_group",
    "status",
    "received_at",
    "assessment_due_at",
    "assessed_at",
    "receipt_due_at",
    "receipt_confirmed_at",
)
QUEUE_FIELDS = (*CLOCK_FIELDS, "person", "person__id", "person__name")


# --- intake --------------------------------------------------------------------------------------


def routing_for(municipality_id: int) -> IntakeRouting:
    """The municipality's intake routing; a ValidationError when none is chosen yet (no concern can be received)."""
    routing = (
        IntakeRouting.objects.select_related("child_unit", "adult_unit").filter(municipality_id=municipality_id).first()
    )
    if routing is None:
        raise ValidationError(_("Kommunen har ikke valgt, hvilken enhed der modtager underretninger."))
    return routing


def intake_settings_of(municipality) -> tuple[IntakeRouting | None, list[Unit]]:
    """The routing (if any) and the active units an administrator may choose between."""
    routing = IntakeRouting.objects.filter(municipality=municipality).first()
    units = Unit.objects.filter(municipality=municipality, is_active=True).order_by("name")
    return routing, units


def allowed_warning_signs(municipality) -> list:
    """The warning signs a notifier may tick: the knowledge base's, as the municipality sees them."""
    from tryg.knowledge.selectors import warning_signs

    return list(warning_signs(municipality))


def walk_prefill(walk) -> tuple[dict, dict]:
    """What a finished action-card walk brings to a new concern: (summary, initial form values). The answers
    travel as the walk itself (shown as question → answer), never pasted into the notifier's own text."""
    from tryg.actioncards.selectors import walk_summary

    summary = walk_summary(walk)
    outcome = summary.get("outcome") or {}
    initial = {}
    if outcome.get("target_group") in ("child", "young"):
        initial["target_group"] = "child"
    elif outcome.get("target_group") == "adult":
        initial["target_group"] = "adult"
    return summary, initial


def warning_sign_groups(signs) -> list[tuple[str, list]]:
    """Warning signs grouped under their group's name, in the knowledge base's order."""
    groups: dict[str, list] = {}
    for sign in signs:
        groups.setdefault(str(sign.get_group_display() or _("Andre tegn")), []).append(sign)
    return list(groups.items())


def my_concerns(user) -> list[Concern]:
    """Mine underretninger: what the notifier filed, with the status only."""
    return list(
        Concern.objects.filter(notifier=user)
        .select_related("receiving_unit")
        .only(
            "id",
            "status",
            "received_at",
            "receipt_confirmed_at",
            "reference",
            "target_group",
            "notifier_label",
            "feedback",
            "feedback_at",
            "receiving_unit__name",
        )
        .order_by("-received_at")[:200]
    )


def capped_count(qs, offset: int) -> tuple[int, int | None]:
    """(rows counted, the cap when there are more): counts at most offset + COUNT_CAP + 1 rows."""
    limit = offset + COUNT_CAP
    counted = qs.order_by()[: limit + 1].count()
    return counted, (limit if counted > limit else None)


def queue_page(user, units: set[int], number: int) -> tuple[list[dict], Page]:
    """The receiving units' pending concerns: acute first, then by deadline; QUEUE_PAGE rows a page, with clocks."""
    pending = Concern.objects.pending().filter(receiving_unit_id__in=units, municipality_id=user.municipality_id)
    offset = (number - 1) * QUEUE_PAGE
    total, cap = capped_count(pending, offset)
    concerns = list(
        pending.select_related("person")
        # Only what the queue shows: the encrypted description and person details are not loaded or decrypted.
        .only(*QUEUE_FIELDS)
        .in_queue_order()[offset : offset + QUEUE_PAGE]
    )
    now = timezone.now()
    rows = [{"concern": c, "clocks": c.clocks(now=now)} for c in concerns]
    return rows, Page(number=number, size=QUEUE_PAGE, shown=len(rows), total=total, cap=cap)


def merge_candidates(concern: Concern, user):
    """Open cases the user may change about the same person as the concern: same CPR, or exactly the same name."""
    person = concern.person
    qs = visible_cases(user, write=True).filter(municipality_id=concern.municipality_id)
    qs = qs.exclude(person_id=person.pk).open()
    if person.cpr:
        token = identity.token_hash("cpr:" + person.cpr.replace("-", ""))
        return qs.filter(person__tokens__token=token)
    if not person.search_tokens:
        return qs.none()
    return qs.filter(person__search_tokens=person.search_tokens)


def concern_file(user, concern: Concern) -> dict:
    """What the concern page shows besides the concern: related persons, signs, the walk, merge candidates."""
    from tryg.actioncards.selectors import walk_summary

    return {
        "concern": concern,
        "clocks": concern.clocks(),
        "related": list(concern.related_persons.all()),
        "sign_groups": [(g, [s.title for s in signs]) for g, signs in warning_sign_groups(concern.warning_signs.all())],
        "summary": walk_summary(concern.walk) if concern.walk_id else None,
        "candidates": list(merge_candidates(concern, user).select_related("person")[:20]),
        "can_decide": bool(caseworker_unit_ids(user)),
        "feedback_applies": bool(
            concern.notifier_id and concern.source == Concern.Source.PROFESSIONAL and concern.target_group == "child"
        ),
    }


# --- cases ---------------------------------------------------------------------------------------


def is_case_number(q: str) -> bool:
    """True for a case number ("2026-17"), the one search that may appear in a URL."""
    return bool(NUMBER_RE.match(q))


# What the case list shows of a case: the person's name is the only encrypted field read (and decrypted).
CASE_LIST_FIELDS = ("number", "status", "opened_at", "person__name", "responsible_unit__name")


def search_cases(
    user, q: str, status: str, limit: int, *, only: tuple[str, ...] | None = None
) -> tuple[list[Case], str]:
    """The user's cases matching `q` (a case number, name words or a CPR number), at most `limit`, with the search
    criterion for the access log. Name searches return the most recently registered persons first. `only`: the
    fields loaded (CASE_LIST_FIELDS for the page); all when None."""
    qs = visible_cases(user).select_related("person", "responsible_unit")
    if only:
        qs = qs.only(*only)
    criterion = []
    if status:
        qs = qs.filter(status=status)
        criterion.append(f"status={status}")
    q = (q or "").strip()
    tokens = []
    by_number = bool(q) and is_case_number(q)
    if by_number:
        qs = qs.filter(number=q)
        criterion.append(f"nummer={q}")
    elif q:
        tokens = identity.query_tokens(q)
        # The log keeps keyed hashes of the words searched for, never the name or CPR itself.
        criterion.append("tokens=" + ",".join(t[:12] for t in tokens))
    criterion = "; ".join(criterion) or "alle"
    if by_number:  # one row at most, off the unique index
        return list(qs.order_by("-opened_at")[:limit]), criterion
    if not tokens:
        shown = recent_visible_case_ids(user, limit, status=status)
        return _load_shown(shown, only), criterion
    # Rank on ids and dates only; then load (and decrypt) just the cases shown, not every case of the chunk.
    found: list = []
    for person_ids in _persons_with_tokens(user, tokens):
        rank = {pk: i for i, pk in enumerate(person_ids)}
        rows = qs.filter(person_id__in=person_ids).values_list("pk", "person_id", "opened_at")
        found.extend(pk for pk, _, _ in sorted(rows, key=lambda r: (rank[r[1]], -r[2].timestamp())))
        if len(found) >= limit:
            break
    return _load_shown(found[:limit], only), criterion


def _load_shown(shown: list, only: tuple[str, ...] | None) -> list[Case]:
    """The cases `shown`, in that order. The ids passed the access rule in this request: read them by key (no
    second access query)."""
    if not shown:
        return []
    load = Case.objects.select_related("person", "responsible_unit")
    cases = (load.only(*only) if only else load).in_bulk(shown)
    return [cases[pk] for pk in shown]


def _persons_with_tokens(user, tokens: list[str]):
    """Ids of persons having every token, newest first, in chunks read off the token index.

    The cases are then fetched per chunk through the access rules. A common surname matches thousands of
    persons; reading them in order and stopping at a page keeps a search fast whatever the data size. At most
    SEARCH_CHUNKS chunks are read (the result then says so by being short; refine the search).
    """
    scope = {user.municipality_id}
    if user.has_role(Role.SIKKERHEDSKONSULENT):
        scope |= user.region_municipality_ids  # a consultant's cases may be in any municipality of the region
    first, *rest = tokens
    matches = PersonToken.objects.filter(token=first, municipality_id__in=scope)
    for token in rest:
        matches = matches.filter(Exists(PersonToken.objects.filter(person_id=OuterRef("person_id"), token=token)))
    matches = matches.order_by("-created_at", "-person_id").values_list("person_id", flat=True)
    for chunk in range(SEARCH_CHUNKS):
        person_ids = list(matches[chunk * SEARCH_CHUNK : (chunk + 1) * SEARCH_CHUNK])
        if person_ids:
            yield person_ids
        if len(person_ids) < SEARCH_CHUNK:
            return


def task_owners(case: Case) -> list[User]:
    """Who may own a task of the case: its team and the case workers of its responsible unit."""
    users = {m.user_id: m.user for m in case.members.select_related("user")}
    caseworkers = Membership.objects.filter(unit_id=case.responsible_unit_id, role=Role.SAGSBEHANDLER)
    for m in caseworkers.select_related("user"):
        users.setdefault(m.user_id, m.user)
    return sorted(users.values(), key=lambda u: u.display_name)


def member_candidates(case: Case) -> list[User]:
    """Who may join the case team: the municipality's case workers and the region's consultants not on it yet."""
    return list(_member_candidates(case).distinct().order_by("first_name", "username"))


def _member_candidates(case: Case):
    caseworkers = User.objects.filter(
        is_active=True,
        municipality_id=case.municipality_id,
        memberships__role=Role.SAGSBEHANDLER,
        memberships__unit__municipality_id=case.municipality_id,
    )
    consultants = User.objects.filter(
        is_active=True,
        memberships__role=Role.SIKKERHEDSKONSULENT,
        municipality__region_id=case.municipality.region_id,
    )
    taken = case.members.values_list("user_id", flat=True)
    return (caseworkers | consultants).exclude(pk__in=taken)


def linked_cases(user, case: Case) -> list[dict]:
    """The cases linked to `case`, each with its kind and whether the user may open it."""
    links = list(CaseLink.objects.filter(Q(from_case=case) | Q(to_case=case)).select_related("from_case", "to_case"))
    if not links:  # most cases: no access rule to build
        return []
    linked = [
        {"case": link.to_case if link.from_case_id == case.pk else link.from_case, "kind": link.get_kind_display()}
        for link in links
    ]
    visible_ids = set(visible_cases(user).filter(pk__in=[x["case"].pk for x in linked]).values_list("pk", flat=True))
    for item in linked:
        item["visible"] = item["case"].pk in visible_ids
    return linked


def timeline(case: Case, kind: str = "") -> list:
    """The case's entries, newest first (only those of `kind` when given), each with the entries correcting it."""
    entries = list(case.entries.select_related("author").order_by("-created_at", "-id"))
    corrections: dict[int, list] = {}
    public_ids = {entry.pk: entry.public_id for entry in entries}
    for entry in entries:
        entry.corrects_public = public_ids.get(entry.corrects_id)
        if entry.corrects_id:
            corrections.setdefault(entry.corrects_id, []).append(entry)
    for entry in entries:
        entry.correction_list = corrections.get(entry.pk, [])
    if kind:
        entries = [e for e in entries if e.kind == kind]
    return entries


def case_concerns(case: Case) -> list[Concern]:
    """The case's concerns, newest first, each with its clocks (also after triage), its warning signs grouped
    under their group's name, and the answers of the action-card walk it came from."""
    from tryg.actioncards.selectors import walk_summary

    # Prefetched onto the case, so the panels of other apps read the same rows (case.concerns.all()).
    loaded = case.concerns.select_related("receiving_unit", "notifier", "notifier_unit", "walk")
    prefetch_related_objects([case], Prefetch("concerns", queryset=loaded.prefetch_related("warning_signs")))
    concerns = sorted(case.concerns.all(), key=lambda c: c.received_at, reverse=True)
    now = timezone.now()
    for concern in concerns:
        concern.clock_list = concern.clocks(now=now)
        groups: dict[str, list[str]] = {}
        for sign in concern.warning_signs.all():
            groups.setdefault(str(sign.get_group_display() or _("Andre tegn")), []).append(sign.title)
        concern.sign_groups = list(groups.items())
        concern.walk_summary = walk_summary(concern.walk) if concern.walk_id else None
    return concerns


def case_file(user, case: Case, *, kind: str = "") -> dict:
    """What the case page shows of a case the user may read (`kind` filters the timeline)."""
    members = list(case.members.select_related("user").order_by("role", "added_at"))
    tasks = list(case.tasks.select_related("owner").order_by("due_date", "id"))
    responsible = next((m.user for m in members if m.role == CaseMember.Role.RESPONSIBLE), None)
    return {
        "case": case,
        "person": case.person,
        "kind": kind,
        "entry_kinds": [(k.value, k.label) for k in TimelineEntry.Kind],
        "entries": timeline(case, kind),
        "open_tasks": [t for t in tasks if t.done_at is None],
        "done_tasks": [t for t in tasks if t.done_at is not None],
        "members": members,
        "responsible": responsible,
        "referrals": list(case.referrals.select_related("requested_by", "decided_by")),
        "concerns": case_concerns(case),
        "linked": linked_cases(user, case),
    }


def member_access_note(case: Case, user: User, role: str) -> str | None:
    """What a new team member will see, when adding them deserves a second thought: a security consultant, or
    a user outside the case's responsible unit. None for a colleague of the responsible unit."""
    own_unit = Membership.objects.filter(user=user, unit_id=case.responsible_unit_id).exists()
    if role != CaseMember.Role.SECURITY_CONSULTANT and own_unit:
        return None
    units = ", ".join(m.unit.name for m in user.memberships_cached) or _("ingen enhed")
    return _(
        "%(name)s (%(units)s) vil kunne se hele sagen: personens navn, CPR-nummer og adresse, underretningerne, "
        "tidslinjen med alle notater, opgaverne, henvisningerne og reglerne for sikker kontakt. Adgangen logges."
    ) % {"name": user.display_name, "units": units}


def case_detail_data(case: Case) -> dict:
    """The API's view of a case: its fields with person, unit, team, timeline and tasks."""
    return {
        **{f: getattr(case, f) for f in ("id", "number", "status", "opened_at", "outcome", "closed_at")},
        "retention_until": case.retention_until,
        "person": case.person,
        "responsible_unit": case.responsible_unit,
        "members": list(case.members.select_related("user")),
        "entries": list(case.entries.select_related("author").annotate(corrects_public=F("corrects__public_id"))),
        "tasks": list(case.tasks.all()),
    }


# What "Mine opgaver" shows of a task and its case (the title is the one field decrypted).
MY_TASK_FIELDS = (
    "public_id",
    "title",
    "due_date",
    "done_at",
    "case__number",
    "case__municipality_id",
    "case__responsible_unit_id",
)


def my_tasks_page(user, number: int) -> tuple[list[Task], Page]:
    """The user's open tasks, nearest deadline first, TASKS_PAGE a page.

    A task's owner is on the case's team (task_add requires it), so the case is visible to them. The access
    check still runs, on this page's cases only: checking every open task's case would cost a scan of all
    cases per request (measured: ~400 ms at 100,000 cases), while this reads the page off an index."""
    open_tasks = Task.objects.filter(owner=user, done_at__isnull=True)
    offset = (number - 1) * TASKS_PAGE
    total, cap = capped_count(open_tasks, offset)
    page_tasks = list(
        open_tasks.select_related("case").only(*MY_TASK_FIELDS).order_by("due_date", "id")[offset : offset + TASKS_PAGE]
    )
    visible = readable_ids(user, [(t.case_id, t.case.municipality_id, t.case.responsible_unit_id) for t in page_tasks])
    tasks = [t for t in page_tasks if t.case_id in visible]
    return tasks, Page(number=number, size=TASKS_PAGE, shown=len(tasks), total=total, cap=cap)


def nearest_deadlines(user) -> list[dict]:
    """The nearest running concern clocks of the user's receiving units (at most DEADLINES_SHOWN)."""
    units = caseworker_unit_ids(user)
    if not units:
        return []
    concerns = (
        Concern.objects.pending()
        .filter(CLOCK_RUNNING, receiving_unit_id__in=units, municipality_id=user.municipality_id)
        .only(*CLOCK_FIELDS)
        .annotate(deadline=running_deadline())
        .order_by("deadline", "id")[:DEADLINES_SHOWN]  # the partial index concern_deadlines
    )
    now = timezone.now()
    return [{"concern": c, "clocks": [k for k in c.clocks(now=now) if not k.stopped]} for c in concerns]


# --- referrals -----------------------------------------------------------------------------------


def pending_referrals(user) -> list[Referral]:
    """Disclosures to the police in cases the user may change that wait for a second case worker."""
    return list(
        Referral.objects.filter(status=Referral.Status.PENDING_APPROVAL, case__in=visible_cases(user, write=True))
        .select_related("case", "requested_by")
        .order_by("requested_at")
    )


# --- notifications -------------------------------------------------------------------------------


def notifications_of(user) -> list[Notification]:
    return list(Notification.objects.filter(user=user)[:100])

"""What the access log knows of cases, through the log's registry (registered in hooks.py; audit imports no cases).

- `resolve_case` and `resolve_person` turn a case number, or name words / a CPR number, into the log's
  references: the case (or the person's cases) with its concerns, tasks, referrals and timeline entries, and
  the person. A person is found through the same keyed tokens as the case search (`identity.query_tokens`,
  the `PersonToken` index), within the coordinator's municipality only.
- `describe_rows` names a page of rows at once: case number, what the row is about, the person's name (only
  with names=True and only for persons of the log's municipality), and the codes of a detail in Danish. A fixed
  number of queries per page (one per kind of object present), whatever the number of rows.
- `refusal_burst_notify` tells the municipality's coordinators when one user is refused again and again.
"""

import re
import uuid
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from tryg.audit.models import Action
from tryg.audit.registry import Found, RefusalBurst, RowLabel

from . import identity
from .models import Case, CaseMember, Concern, Notification, Person, PersonToken, Referral, Task, TimelineEntry
from .notifications import municipality_coordinators, notify
from .selectors import NUMBER_RE

PERSON_LIMIT = 50  # persons one log search covers (newest registered first); more asks for a narrower search
PERSON = "cases.person"
CASE = "cases.case"
CONCERN = "cases.concern"
# Objects that belong to one case: type label -> model.
CASE_PARTS = {"cases.task": Task, "cases.referral": Referral, "cases.timelineentry": TimelineEntry}
DESCRIBED_TYPES = (CASE, CONCERN, PERSON, *CASE_PARTS)
MEMBER_DETAIL = re.compile(r"^\+(?P<username>\S+) \((?P<role>\w+)\)$")


def _what() -> dict[str, str]:
    return {
        CASE: _("Sag"),
        CONCERN: _("Underretning"),
        PERSON: _("Person"),
        "cases.task": _("Opgave"),
        "cases.referral": _("Henvisning"),
        "cases.timelineentry": _("Tidslinje"),
    }


def _case_refs(case_ids: list) -> dict[str, list[str]]:
    refs = {CASE: [str(pk) for pk in case_ids]}
    refs[CONCERN] = [str(pk) for pk in Concern.objects.filter(case_id__in=case_ids).values_list("pk", flat=True)]
    for label, model in CASE_PARTS.items():
        refs[label] = [str(pk) for pk in model.objects.filter(case_id__in=case_ids).values_list("pk", flat=True)]
    return refs


def resolve_case(municipality_id: int, text: str) -> Found:
    """Every row about the case numbered `text` in the municipality: the case and its parts."""
    number = text.strip()
    if not NUMBER_RE.match(number):
        raise ValidationError(_("Et sagsnummer har formen år-løbenummer, fx 2026-0001."))
    case = Case.objects.filter(municipality_id=municipality_id, number=number).values("pk", "person_id").first()
    if case is None:
        return Found(criterion=number)
    return Found(refs=_case_refs([case["pk"]]), subjects=[(PERSON, str(case["person_id"]))], criterion=number)


def resolve_person(municipality_id: int, text: str) -> Found:
    """Every row about the persons having all the words (or the CPR number) of `text`: the persons, their
    concerns, their cases and the cases' parts. At most PERSON_LIMIT persons, newest registered first."""
    tokens = identity.query_tokens(text)
    if not tokens:
        raise ValidationError(_("Skriv et navn eller et CPR-nummer."))
    first, *rest = tokens
    matches = PersonToken.objects.filter(token=first, municipality_id=municipality_id)
    for token in rest:
        matches = matches.filter(Exists(PersonToken.objects.filter(person_id=OuterRef("person_id"), token=token)))
    person_ids = list(
        matches.order_by("-created_at", "-person_id").values_list("person_id", flat=True)[: PERSON_LIMIT + 1]
    )
    truncated = len(person_ids) > PERSON_LIMIT
    person_ids = person_ids[:PERSON_LIMIT]
    criterion = "tokens=" + ",".join(t[:12] for t in tokens)  # keyed hashes, never the name or CPR number
    if not person_ids:
        return Found(criterion=criterion)
    case_ids = list(Case.objects.filter(person_id__in=person_ids).values_list("pk", flat=True))
    refs = _case_refs(case_ids)
    refs[CONCERN] = [str(pk) for pk in Concern.objects.filter(person_id__in=person_ids).values_list("pk", flat=True)]
    refs[PERSON] = [str(pk) for pk in person_ids]
    return Found(refs=refs, subjects=[(PERSON, str(pk)) for pk in person_ids], truncated=truncated, criterion=criterion)


def _valid_ids(model, ids) -> set:
    """The ids that are valid primary keys of `model` (a refused URL may carry anything)."""
    out = set()
    for value in ids:
        try:
            out.add(uuid.UUID(value) if model._meta.pk.get_internal_type() == "UUIDField" else int(value))
        except (TypeError, ValueError):
            continue
    return out


def _detail(event, parts: dict) -> str | None:
    """The stored detail with its codes in Danish (None: show it as stored)."""
    detail = event.detail
    if event.action == Action.REFUSED:
        return "" if parts.get("case") else None  # the case number says it better than the path
    if event.object_type == CASE:
        if detail in Case.Status.values:
            return _("Ny status: %(status)s") % {"status": Case.Status(detail).label}
        if detail in ("on", "off"):
            return _("Arkivstop sat") if detail == "on" else _("Arkivstop ophævet")
        if match := MEMBER_DETAIL.match(detail):
            role = match["role"]
            label = CaseMember.Role(role).label if role in CaseMember.Role.values else role
            return _("Tilføjet: %(user)s (%(role)s)") % {"user": match["username"], "role": label}
    if event.object_type == "cases.referral":
        for choices in (Referral.ActorType, Referral.Status):
            if detail in choices.values:
                return str(choices(detail).label)
    return None


def describe_rows(events, *, municipality_id: int, names: bool) -> dict[int, RowLabel]:
    """Labels for the rows, read at once (see the module docstring)."""
    wanted: dict[str, set] = {}
    for event in events:
        wanted.setdefault(event.object_type, set()).add(event.object_id)
        if event.subject_type == PERSON:
            wanted.setdefault(PERSON, set()).add(event.subject_id)
    # object id -> (case number, person id), for objects of this municipality only.
    known: dict[tuple[str, str], tuple[str, object]] = {}
    if ids := _valid_ids(Case, wanted.get(CASE, ())):
        for pk, number, person_id in Case.objects.filter(pk__in=ids, municipality_id=municipality_id).values_list(
            "pk", "number", "person_id"
        ):
            known[(CASE, str(pk))] = (number, person_id)
    if ids := _valid_ids(Concern, wanted.get(CONCERN, ())):
        rows = Concern.objects.filter(pk__in=ids, municipality_id=municipality_id)
        for pk, number, person_id in rows.values_list("pk", "case__number", "person_id"):
            known[(CONCERN, str(pk))] = (number or "", person_id)
    for label, model in CASE_PARTS.items():
        if ids := _valid_ids(model, wanted.get(label, ())):
            rows = model.objects.filter(pk__in=ids, case__municipality_id=municipality_id)
            for pk, number, person_id in rows.values_list("pk", "case__number", "case__person_id"):
                known[(label, str(pk))] = (number, person_id)
    person_ids = set(_valid_ids(Person, wanted.get(PERSON, ())))
    person_ids |= {person_id for _number, person_id in known.values()}
    people = {}
    if names and person_ids:
        # Names are decrypted for this page's rows only, and only of the log's own municipality.
        for person in Person.objects.filter(pk__in=person_ids, municipality_id=municipality_id).only("id", "name"):
            people[str(person.pk)] = person.name
    what = _what()
    out = {}
    for event in events:
        number, person_id = known.get((event.object_type, event.object_id), ("", None))
        if event.object_type == PERSON:
            person_id = event.object_id
        elif person_id is None and event.subject_type == PERSON:
            person_id = event.subject_id
        parts = {"case": number}
        out[event.id] = RowLabel(
            what=what.get(event.object_type, ""),
            case=number,
            person=people.get(str(person_id), "") if person_id else "",
            detail=_detail(event, parts),
        )
    return out


def refusal_burst_notify(burst: RefusalBurst) -> None:
    """Tell the municipality's coordinators that one user was refused again and again, with a link to those
    rows of the log; at most once per user within the burst's window (the first notice covers the burst)."""
    coordinators = municipality_coordinators(burst.municipality_id)
    if not coordinators:
        return
    url = reverse("audit:search") + "?" + urlencode({"action": Action.REFUSED, "username": burst.username})
    recent = Notification.objects.filter(user__in=coordinators, url=url, created_at__gt=burst.last_at - burst.window)
    if recent.exists():
        return
    minutes = int(burst.window.total_seconds() // 60)
    notify(
        coordinators,
        text=_("Brugeren %(user)s er blevet afvist %(count)d gange på %(minutes)d minutter i kommunens data.")
        % {"user": burst.username, "count": burst.count, "minutes": minutes}
        + " "
        + _("Se forsøgene i adgangsloggen."),
        url=url,
    )

"""The case file: timeline entries, tasks, the team, status, links, safe-contact rules and contacts."""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.accounts.models import Role
from tryg.audit.models import Action
from tryg.audit.services import audit_record
from tryg.core.errors import DomainError

from ..access import linkable_case, visible_cases
from ..models import Case, CaseLink, CaseMember, Channel, IntakeRouting, Person, Task, TimelineEntry
from ..notifications import notify
from ..registry import family_action_block_reason
from ..selectors import member_candidates, task_owners

# The kinds of entry a person writes on the timeline; corrections, contacts and events are made by the system.
MANUAL_KINDS = (
    TimelineEntry.Kind.NOTE,
    TimelineEntry.Kind.CONVERSATION,
    TimelineEntry.Kind.MEETING,
    TimelineEntry.Kind.DECISION,
    TimelineEntry.Kind.INCIDENT,
)
DEFAULT_RETENTION_YEARS = 5  # years a closed case is kept when no setting is chosen


def _touch(case: Case) -> None:
    case.updated_at = timezone.now()
    case.save(update_fields=["updated_at"])


def _entry_create(
    *, actor, case: Case, kind: str, text: str, corrects=None, channel: str = "", party: str = ""
) -> TimelineEntry:
    entry = TimelineEntry(
        case=case, kind=kind, text=(text or "").strip(), author=actor, corrects=corrects, channel=channel, party=party
    )
    entry.full_clean()
    entry.save()
    _touch(case)
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=entry,
        subject=("cases.person", case.person_id),
        purpose=_("Journalnotat"),
    )
    return entry


@transaction.atomic
def entry_add(
    *, actor, case: Case, kind: str, text: str, corrects: TimelineEntry | uuid.UUID | str | None = None
) -> TimelineEntry:
    """A note, conversation, meeting or decision on the timeline; with `corrects` (an entry or its public id in
    the same case) a correction of an earlier entry, which itself is never changed."""
    if corrects is not None:
        public_id = corrects.public_id if isinstance(corrects, TimelineEntry) else corrects
        corrects = TimelineEntry.objects.filter(case=case, public_id=public_id).first()
        if corrects is None:
            raise ValidationError({"corrects": _("Det notat, der skal rettes, findes ikke i sagen.")})
        kind = TimelineEntry.Kind.CORRECTION
    elif kind == TimelineEntry.Kind.CORRECTION:
        raise ValidationError({"corrects": _("Vælg det notat, der rettes.")})
    elif kind not in MANUAL_KINDS:
        raise ValidationError({"kind": _("Ukendt type.")})
    return _entry_create(actor=actor, case=case, kind=kind, text=text, corrects=corrects)


def _may_work_on(user, case: Case) -> bool:
    return visible_cases(user, write=True).filter(pk=case.pk).exists()


def _task_owner(case: Case, owner):
    """The owner of a new task: a user object, or the id of one of the case's task owners."""
    if not hasattr(owner, "pk"):
        owner = next((u for u in task_owners(case) if str(u.pk) == str(owner)), None)
    if owner is None or not _may_work_on(owner, case):
        raise ValidationError({"owner": _("Vælg en i sagens team.")})
    return owner


@transaction.atomic
def task_add(*, actor, case: Case, title: str, owner, due_date: date) -> Task:
    """A task with an owner on the case's team (a user, or their id) and a deadline not in the past."""
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": _("Fristen kan ikke ligge i fortiden.")})
    owner = _task_owner(case, owner)
    task = Task(case=case, title=(title or "").strip(), owner=owner, due_date=due_date, created_by=actor)
    task.full_clean()
    task.save()
    audit_record(
        actor=actor, action=Action.CREATE, obj=task, subject=("cases.person", case.person_id), purpose=_("Opgave")
    )
    if owner.pk != actor.pk:
        notify(
            [owner], text=_("Du har fået en ny opgave i sag %(n)s.") % {"n": case.number}, url=reverse("cases:my-tasks")
        )
    return task


@transaction.atomic
def task_done(*, actor, task: Task) -> Task:
    if task.done_at is None:
        task.done_at = timezone.now()
        task.save(update_fields=["done_at"])
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            obj=task,
            subject=("cases.person", task.case.person_id),
            purpose=_("Opgave udført"),
        )
    return task


def _team_candidate(case: Case, user):
    if hasattr(user, "pk"):
        return user
    candidate = next((u for u in member_candidates(case) if str(u.pk) == str(user)), None)
    if candidate is None:
        raise ValidationError({"user": _("Vælg en person fra listen.")})
    return candidate


@transaction.atomic
def member_add(*, actor, case: Case, user, role: str) -> CaseMember:
    """Add a team member (a user, or the id of one of the case's candidates). A security consultant must belong
    to a region that covers the municipality; other members are the municipality's case workers."""
    if role not in (CaseMember.Role.PARTICIPANT, CaseMember.Role.SECURITY_CONSULTANT):
        raise ValidationError({"role": _("Vælg deltager eller sikkerhedskonsulent.")})
    user = _team_candidate(case, user)
    if role == CaseMember.Role.SECURITY_CONSULTANT:
        if not user.has_role(Role.SIKKERHEDSKONSULENT) or case.municipality_id not in user.region_municipality_ids:
            raise ValidationError({"user": _("Sikkerhedskonsulenten skal dække kommunens region.")})
    else:
        if user.municipality_id != case.municipality_id or not user.has_role(Role.SAGSBEHANDLER):
            raise ValidationError({"user": _("Deltagere skal være sagsbehandlere i kommunen.")})
    if CaseMember.objects.filter(case=case, user=user).exists():
        raise ValidationError({"user": _("Personen er allerede med i sagens team.")})
    member = CaseMember(case=case, user=user, role=role, added_by=actor)
    member.full_clean()
    member.save()
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=case,
        subject=case.person,
        purpose=_("Team ændret"),
        detail=f"+{user.username} ({role})",
    )
    notify(
        [user],
        text=_("Du er tilføjet til sag %(n)s.") % {"n": case.number},
        url=reverse("cases:case-detail", args=[case.pk]),
    )
    return member


def _retention_until(case: Case) -> date:
    routing = IntakeRouting.objects.filter(municipality_id=case.municipality_id).first()
    years = routing.retention_years if routing else DEFAULT_RETENTION_YEARS
    closed = timezone.localdate(case.closed_at)
    try:
        return closed.replace(year=closed.year + years)
    except ValueError:  # 29 February
        return closed.replace(year=closed.year + years, day=28)


@transaction.atomic
def case_set_status(*, actor, case: Case, status: str, outcome: str = "") -> Case:
    """Move a case through open → in assessment → active → closed (with outcome); reopen from closed."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if status not in Case.Status.values:
        raise ValidationError({"status": _("Ukendt status.")})
    fields = ["status", "updated_at", "outcome", "closed_at", "retention_until"]
    if status == Case.Status.CLOSED:
        if case.is_closed:
            raise ValidationError({"status": _("Sagen er allerede lukket.")})
        if outcome not in Case.Outcome.values:
            raise ValidationError({"outcome": _("Vælg sagens udfald.")})
        case.closed_at = timezone.now()
        case.retention_until = _retention_until(case)
        case.outcome = outcome
        text = _("Sagen er lukket. Udfald: %(o)s.") % {"o": Case.Outcome(outcome).label}
    else:
        if case.is_closed and case.anonymised_at:
            raise ValidationError({"status": _("En anonymiseret sag kan ikke genåbnes.")})
        if case.is_closed:
            text = _("Sagen er genåbnet.")
        else:
            text = _("Status ændret til %(s)s.") % {"s": Case.Status(status).label}
        case.closed_at = None
        case.retention_until = None
        case.outcome = ""
    case.status = status
    case.updated_at = timezone.now()
    case.full_clean()
    case.save(update_fields=fields)
    TimelineEntry.objects.create(case=case, kind=TimelineEntry.Kind.EVENT, author=actor, text=text)
    audit_record(
        actor=actor, action=Action.UPDATE, obj=case, subject=case.person, purpose=_("Status ændret"), detail=status
    )
    return case


@transaction.atomic
def case_link_add(*, actor, case: Case, number: str, kind: str) -> CaseLink:
    """Link the case to the case numbered `number` of the same municipality, which the actor may change too."""
    if kind not in CaseLink.Kind.values:
        raise ValidationError({"kind": _("Vælg en forbindelse.")})
    other = linkable_case(actor, case, number or "")
    if other is None:
        raise ValidationError({"number": _("Du har ingen sag med det nummer.")})
    if other.pk == case.pk or other.municipality_id != case.municipality_id:
        raise ValidationError({"number": _("Vælg en anden sag i samme kommune.")})
    if CaseLink.objects.filter(from_case__in=[case, other], to_case__in=[case, other]).exists():
        raise ValidationError({"number": _("Sagerne er allerede forbundet.")})
    link = CaseLink(from_case=case, to_case=other, kind=kind, created_by=actor)
    link.full_clean()
    link.save()
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=case,
        subject=case.person,
        purpose=_("Sager forbundet"),
        detail=other.number,
    )
    return link


@transaction.atomic
def contact_rules_set(
    *, actor, case: Case, allowed: list[str], forbidden: list[str], never_contact: str, note: str = ""
) -> Person:
    """Record the person's safe-contact rules (regler for sikker kontakt)."""
    errors = {}
    for field, values in (("allowed_channels", allowed), ("forbidden_channels", forbidden)):
        unknown = [v for v in values if v not in Channel.values]
        if unknown:
            errors[field] = _("Ukendt kontaktvej: %(c)s.") % {"c": ", ".join(str(v)[:40] for v in unknown)}
    if not errors and set(allowed) & set(forbidden):
        errors["forbidden_channels"] = _("En kontaktvej kan ikke både være tilladt og forbudt.")
    if errors:
        raise ValidationError(errors)
    person = Person.objects.select_for_update().get(pk=case.person_id)
    person.allowed_channels = [c for c in Channel.values if c in allowed]
    person.forbidden_channels = [c for c in Channel.values if c in forbidden]
    person.never_contact = (never_contact or "").strip()
    person.contact_note = (note or "").strip()
    person.full_clean()
    person.save(update_fields=["allowed_channels", "forbidden_channels", "never_contact", "contact_note"])
    TimelineEntry.objects.create(
        case=case, kind=TimelineEntry.Kind.EVENT, author=actor, text=_("Reglerne for sikker kontakt er ændret.")
    )
    audit_record(actor=actor, action=Action.UPDATE, obj=person, subject=person, purpose=_("Regler for sikker kontakt"))
    return person


def contact_block_reason(person: Person, channel: str) -> str | None:
    """Why a contact through `channel` is not allowed, or None when it is."""
    if channel in person.forbidden_channels:
        return _("Reglerne for sikker kontakt forbyder kontakt via %(c)s.") % {"c": Channel(channel).label}
    if person.allowed_channels and channel not in person.allowed_channels:
        return _("Reglerne for sikker kontakt tillader kun kontakt via %(c)s.") % {
            "c": ", ".join(person.allowed_labels)
        }
    if channel == Channel.LETTER_HOME and not person.address:
        return _("Der er ingen sikker adresse registreret for personen.")
    return None


def contact_channels(person) -> tuple[list[str], list[tuple[str, str]]]:
    """The channels the safe-contact rules allow for `person`, and the others with the reason each is closed."""
    allowed, blocked = [], []
    for value, label in Channel.choices:
        reason = contact_block_reason(person, value)
        if reason:
            blocked.append((str(label), reason))
        else:
            allowed.append(value)
    return allowed, blocked


FAMILY_PARTIES = (TimelineEntry.Party.PARENTS, TimelineEntry.Party.NETWORK)


def family_contact_block_reason(case: Case) -> str | None:
    """Why a contact with the parents or the network is blocked now (a registered guard, e.g. barnets lov § 18,
    stk. 3), or None."""
    return family_action_block_reason(case)


@transaction.atomic
def contact_record(
    *, actor, case: Case, channel: str, text: str, party: str = TimelineEntry.Party.PERSON
) -> TimelineEntry:
    """Record a contact with the person, their parents or their network; refused, with the reason, if the
    safe-contact rules forbid the channel, or (parents, network) while a family-action guard blocks it."""
    if channel not in Channel.values:
        raise ValidationError({"channel": _("Vælg en kontaktvej.")})
    if party not in TimelineEntry.Party.values:
        raise ValidationError({"party": _("Vælg, hvem kontakten er med.")})
    reason = contact_block_reason(case.person, channel)
    if reason:
        raise DomainError(reason, code="forbidden_channel", field="channel")
    if party in FAMILY_PARTIES:
        reason = family_contact_block_reason(case)
        if reason:
            raise DomainError(reason, code="family_action_blocked", field="party")
    return _entry_create(
        actor=actor, case=case, kind=TimelineEntry.Kind.CONTACT, text=text, channel=channel, party=party
    )

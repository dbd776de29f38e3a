"""Every write of the cases app. Keyword-only, atomic, validated, with its audit row in the same transaction."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.accounts.models import Membership, Role, Unit
from tryg.audit.models import Action
from tryg.audit.services import audit_record

from . import clocks, identity
from .models import (
    BreakGlassAccess,
    Case,
    CaseLink,
    CaseMember,
    CaseNumber,
    Channel,
    Concern,
    IntakeRouting,
    Notification,
    Person,
    PersonToken,
    Referral,
    RelatedPerson,
    TargetGroup,
    Task,
    TimelineEntry,
)

PURPOSE = "Sagsbehandling"
BREAK_GLASS_HOURS = 8
ANONYMISED = "[anonymiseret]"


# --- notifications -------------------------------------------------------------------------------


def notify(users, *, text: str, url: str = "") -> list[Notification]:
    """Create in-app notifications and, after commit, e-mail them (through a django-tasks task)."""
    rows = [Notification(user=u, text=text[:300], url=url[:300]) for u in {u.pk: u for u in users}.values()]
    if not rows:
        return []
    Notification.objects.bulk_create(rows)
    ids = [n.pk for n in rows if n.pk] or list(
        Notification.objects.filter(user__in=[r.user for r in rows], text=text[:300]).values_list("pk", flat=True)
    )

    def _enqueue():
        from .tasks import send_notification_emails

        send_notification_emails.enqueue(ids)

    transaction.on_commit(_enqueue)
    return rows


def on_duty_caseworkers(unit: Unit):
    return [
        m.user
        for m in Membership.objects.filter(unit=unit, role=Role.SAGSBEHANDLER, on_duty=True, user__is_active=True)
        .select_related("user")
        .order_by("user_id")
    ]


def unit_caseworkers(unit: Unit):
    return [
        m.user
        for m in Membership.objects.filter(unit=unit, role=Role.SAGSBEHANDLER, user__is_active=True)
        .select_related("user")
        .order_by("user_id")
    ]


def municipality_coordinators(municipality_id: int):
    return [
        m.user
        for m in Membership.objects.filter(
            unit__municipality_id=municipality_id, role=Role.TOVHOLDER, user__is_active=True
        ).select_related("user")
    ]


# --- persons and intake --------------------------------------------------------------------------


@dataclass
class PersonData:
    name: str
    birth_date: date | None = None
    age_group: str = ""
    cpr: str = ""
    address: str = ""
    address_is_safe: bool = False


@dataclass
class RelatedPersonData:
    name: str
    relation: str
    possible_threat: bool = False
    safe_to_contact: bool = False
    details: str = ""


def routing_for(municipality_id: int) -> IntakeRouting:
    routing = (
        IntakeRouting.objects.select_related("child_unit", "adult_unit").filter(municipality_id=municipality_id).first()
    )
    if routing is None:
        raise ValidationError(_("Kommunen har ikke valgt, hvilken enhed der modtager underretninger."))
    return routing


def _person_build(*, municipality_id: int, data: PersonData) -> Person:
    cpr = identity.normalise_cpr(data.cpr) if data.cpr else ""
    birth_date = data.birth_date or (identity.cpr_birth_date(cpr) if cpr else None)
    person = Person(
        municipality_id=municipality_id,
        name=data.name.strip(),
        birth_date=birth_date,
        age_group=data.age_group,
        cpr=cpr,
        # The address is kept only when the notifier has marked it safe to use.
        address=data.address.strip() if data.address_is_safe else "",
    )
    person.search_tokens = identity.person_tokens(person.name, cpr)
    person.full_clean()
    return person


def person_refresh_tokens(person: Person) -> None:
    person.search_tokens = identity.person_tokens(person.name, person.cpr)
    person.save(update_fields=["search_tokens"])
    person_index_tokens([person])


def person_token_rows(persons) -> list[PersonToken]:
    """The search index rows of `persons` (unsaved), from their `search_tokens`."""
    return [
        PersonToken(person_id=p.pk, token=token, municipality_id=p.municipality_id, created_at=p.created_at)
        for p in persons
        for token in dict.fromkeys(p.search_tokens.split())
    ]


def person_index_tokens(persons) -> None:
    """Rewrite the search index rows of `persons`."""
    persons = list(persons)
    PersonToken.objects.filter(person__in=[p.pk for p in persons]).delete()
    PersonToken.objects.bulk_create(person_token_rows(persons), batch_size=2000)


@transaction.atomic
def concern_create(
    *,
    actor,
    person: PersonData,
    target_group: str,
    description: str,
    urgency: str = Concern.Urgency.NORMAL,
    source: str | None = None,
    notifier_unit: Unit | None = None,
    related: list[RelatedPersonData] | tuple = (),
    warning_sign_ids: list | tuple = (),
    walk=None,
    municipality_id: int | None = None,
    received_at=None,
) -> Concern:
    """Receive a concern, route it, start its clocks, notify on-duty case workers if acute."""
    municipality_id = municipality_id or actor.municipality_id
    if municipality_id is None:
        raise ValidationError(_("Underretningen skal høre til en kommune."))
    routing = routing_for(municipality_id)
    if target_group not in TargetGroup.values:
        raise ValidationError({"target_group": _("Vælg barn eller voksen.")})
    if source is None:
        source = Concern.Source.PARTNER if actor and actor.has_role(Role.PARTNER) else Concern.Source.PROFESSIONAL
    received_at = received_at or timezone.now()
    person_obj = _person_build(municipality_id=municipality_id, data=person)
    person_obj.save()
    person_index_tokens([person_obj])
    concern = Concern(
        municipality_id=municipality_id,
        person=person_obj,
        target_group=target_group,
        description=description.strip(),
        urgency=urgency,
        source=source,
        notifier=actor if source != Concern.Source.ANONYMOUS else None,
        notifier_unit=notifier_unit if source != Concern.Source.ANONYMOUS else None,
        received_at=received_at,
        receiving_unit=routing.unit_for(target_group),
        walk=walk,
    )
    if target_group == TargetGroup.CHILD:
        concern.assessment_due_at = clocks.assessment_deadline(received_at)
    if source == Concern.Source.PROFESSIONAL and concern.notifier_id:
        concern.receipt_due_at = clocks.receipt_deadline(received_at)
    concern.full_clean(exclude=["warning_signs"])
    concern.save()
    for item in related:
        rp = RelatedPerson(
            concern=concern,
            name=item.name.strip(),
            relation=item.relation,
            possible_threat=item.possible_threat,
            safe_to_contact=item.safe_to_contact,
            details=item.details.strip(),
        )
        rp.full_clean()
        rp.save()
    if warning_sign_ids:
        concern.warning_signs.set(list(warning_sign_ids))
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=concern,
        subject=person_obj,
        purpose=_("Underretning modtaget"),
        municipality_id=municipality_id,
    )
    if concern.is_acute:
        notify(
            on_duty_caseworkers(concern.receiving_unit),
            text=_("Akut underretning modtaget i %(unit)s.") % {"unit": concern.receiving_unit.name},
            url=reverse("cases:concern-detail", args=[concern.pk]),
        )
    return concern


def _check_pending(concern: Concern) -> None:
    if not concern.is_pending:
        raise ValidationError(_("Underretningen er allerede behandlet."))


@transaction.atomic
def concern_confirm_receipt(*, actor, concern: Concern) -> Concern:
    """Kvittering for modtagelse: stops the receipt clock and tells the notifier."""
    concern = Concern.objects.select_for_update().get(pk=concern.pk)
    if concern.receipt_confirmed_at:
        raise ValidationError(_("Modtagelsen er allerede kvitteret."))
    concern.receipt_confirmed_at = timezone.now()
    concern.receipt_confirmed_by = actor
    fields = ["receipt_confirmed_at", "receipt_confirmed_by"]
    if concern.status == Concern.Status.RECEIVED:
        concern.status = Concern.Status.BEING_ASSESSED
        fields.append("status")
    concern.save(update_fields=fields)
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=concern,
        subject=("cases.person", concern.person_id),
        purpose=_("Kvittering for modtagelse"),
    )
    if concern.notifier_id:
        notify(
            [concern.notifier],
            text=_("Din underretning fra %(date)s er modtaget.")
            % {"date": timezone.localtime(concern.received_at).strftime("%d.%m.%Y")},
            url=reverse("cases:my-concerns"),
        )
    return concern


def _next_case_number(municipality_id: int) -> str:
    year = timezone.localdate().year
    counter, _created = CaseNumber.objects.select_for_update().get_or_create(municipality_id=municipality_id, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{year}-{counter.last:05d}"


def _assessed(concern: Concern) -> None:
    if concern.assessed_at is None:
        concern.assessed_at = timezone.now()


@transaction.atomic
def concern_triage(*, actor, concern: Concern) -> Case:
    """Open a new case from the concern; the actor becomes the responsible case worker."""
    concern = Concern.objects.select_for_update().select_related("person").get(pk=concern.pk)
    _check_pending(concern)
    case = Case(
        municipality_id=concern.municipality_id,
        number=_next_case_number(concern.municipality_id),
        person=concern.person,
        status=Case.Status.OPEN,
        responsible_unit_id=concern.receiving_unit_id,
    )
    case.full_clean()
    case.save()
    CaseMember.objects.create(case=case, user=actor, role=CaseMember.Role.RESPONSIBLE, added_by=actor)
    concern.case = case
    concern.status = Concern.Status.TRIAGED
    _assessed(concern)
    concern.save(update_fields=["case", "status", "assessed_at"])
    TimelineEntry.objects.create(
        case=case,
        kind=TimelineEntry.Kind.EVENT,
        author=actor,
        text=_("Sagen er oprettet på grundlag af en underretning modtaget %(date)s.")
        % {"date": timezone.localtime(concern.received_at).strftime("%d.%m.%Y %H:%M")},
    )
    audit_record(actor=actor, action=Action.CREATE, obj=case, subject=case.person, purpose=_("Visitation til sag"))
    return case


def merge_candidates(concern: Concern, cases_qs):
    """Open cases (from `cases_qs`) about the same person: same CPR, or exactly the same name."""
    person = concern.person
    qs = cases_qs.filter(municipality_id=concern.municipality_id).exclude(person_id=person.pk).open()
    if person.cpr:
        token = identity.token_hash("cpr:" + person.cpr.replace("-", ""))
        return qs.filter(person__tokens__token=token)
    if not person.search_tokens:
        return qs.none()
    return qs.filter(person__search_tokens=person.search_tokens)


@transaction.atomic
def concern_merge(*, actor, concern: Concern, case: Case) -> Case:
    """Put the concern on an existing case of the same person."""
    concern = Concern.objects.select_for_update().select_related("person").get(pk=concern.pk)
    _check_pending(concern)
    if case.municipality_id != concern.municipality_id or case.is_closed:
        raise ValidationError(_("Vælg en åben sag i samme kommune."))
    old_person = concern.person
    concern.case = case
    concern.person = case.person
    concern.status = Concern.Status.TRIAGED
    _assessed(concern)
    concern.save(update_fields=["case", "person", "status", "assessed_at"])
    if old_person.pk != case.person_id and not old_person.concerns.exists() and not old_person.cases.exists():
        old_person.delete()
    TimelineEntry.objects.create(
        case=case,
        kind=TimelineEntry.Kind.EVENT,
        author=actor,
        text=_("En ny underretning modtaget %(date)s er lagt på sagen.")
        % {"date": timezone.localtime(concern.received_at).strftime("%d.%m.%Y %H:%M")},
    )
    audit_record(
        actor=actor, action=Action.UPDATE, obj=case, subject=case.person, purpose=_("Underretning lagt på sag")
    )
    return case


@transaction.atomic
def concern_close(*, actor, concern: Concern, reason: str) -> Concern:
    concern = Concern.objects.select_for_update().get(pk=concern.pk)
    _check_pending(concern)
    if not reason.strip():
        raise ValidationError({"reason": _("Skriv en begrundelse for at lukke underretningen.")})
    concern.status = Concern.Status.CLOSED
    concern.closed_reason = reason.strip()
    _assessed(concern)
    concern.save(update_fields=["status", "closed_reason", "assessed_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=concern,
        subject=("cases.person", concern.person_id),
        purpose=_("Underretning lukket"),
    )
    return concern


# --- the case file -------------------------------------------------------------------------------


def _touch(case: Case) -> None:
    case.updated_at = timezone.now()
    case.save(update_fields=["updated_at"])


@transaction.atomic
def entry_add(
    *, actor, case: Case, kind: str, text: str, corrects: TimelineEntry | None = None, channel: str = ""
) -> TimelineEntry:
    if corrects is not None:
        if corrects.case_id != case.pk:
            raise ValidationError({"corrects": _("Rettelsen skal høre til samme sag.")})
        kind = TimelineEntry.Kind.CORRECTION
    elif kind == TimelineEntry.Kind.CORRECTION:
        raise ValidationError({"corrects": _("Vælg det notat, der rettes.")})
    entry = TimelineEntry(
        case=case, kind=kind, text=(text or "").strip(), author=actor, corrects=corrects, channel=channel
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
def task_add(*, actor, case: Case, title: str, owner, due_date: date) -> Task:
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": _("Fristen kan ikke ligge i fortiden.")})
    if not _may_work_on(owner, case):
        raise ValidationError({"owner": _("Opgaven kan kun gives til en i sagens team.")})
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


def _may_work_on(user, case: Case) -> bool:
    from .access import visible_cases

    return visible_cases(user, write=True).filter(pk=case.pk).exists()


@transaction.atomic
def member_add(*, actor, case: Case, user, role: str) -> CaseMember:
    """Add a team member. A security consultant must belong to a region that covers the municipality."""
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
        routing = IntakeRouting.objects.filter(municipality_id=case.municipality_id).first()
        years = routing.retention_years if routing else 5
        case.closed_at = timezone.now()
        closed = timezone.localdate(case.closed_at)
        try:
            case.retention_until = closed.replace(year=closed.year + years)
        except ValueError:  # 29 February
            case.retention_until = closed.replace(year=closed.year + years, day=28)
        case.outcome = outcome
        text = _("Sagen er lukket. Udfald: %(o)s.") % {"o": Case.Outcome(outcome).label}
    else:
        if case.is_closed and case.anonymised_at:
            raise ValidationError({"status": _("En anonymiseret sag kan ikke genåbnes.")})
        text = _("Sagen er genåbnet.") if case.is_closed else _("Status ændret til %(s)s.")
        text = text % {"s": Case.Status(status).label} if "%(s)s" in text else text
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
def case_link_add(*, actor, case: Case, other: Case, kind: str) -> CaseLink:
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
    overlap = set(allowed) & set(forbidden)
    if overlap:
        raise ValidationError(
            {
                "forbidden_channels": _("En kontaktvej kan ikke både være tilladt og forbudt: %(c)s.")
                % {"c": ", ".join(str(Channel(c).label) for c in sorted(overlap))}
            }
        )
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


@transaction.atomic
def contact_record(*, actor, case: Case, channel: str, text: str) -> TimelineEntry:
    """Record a contact with the person; refused if the safe-contact rules forbid the channel."""
    if channel not in Channel.values:
        raise ValidationError({"channel": _("Vælg en kontaktvej.")})
    reason = contact_block_reason(case.person, channel)
    if reason:
        raise ValidationError({"channel": reason})
    return entry_add(actor=actor, case=case, kind=TimelineEntry.Kind.CONTACT, text=text, channel=channel)


@transaction.atomic
def referral_create(
    *,
    actor,
    case: Case,
    actor_type: str,
    recipient: str,
    text: str,
    consent_given: bool,
    consent_by: str = "",
    legal_basis: str = "",
) -> Referral:
    """Refer to another actor. Police disclosures wait for a second case worker's approval."""
    if consent_given and not consent_by.strip():
        raise ValidationError({"consent_by": _("Skriv, hvem der har givet samtykke.")})
    if not consent_given and not legal_basis.strip():
        raise ValidationError({"legal_basis": _("Uden samtykke skal hjemlen til videregivelsen angives.")})
    police = actor_type == Referral.ActorType.POLICE
    referral = Referral(
        case=case,
        actor_type=actor_type,
        recipient=recipient.strip(),
        text=text.strip(),
        consent_given=consent_given,
        consent_by=consent_by.strip() if consent_given else "",
        legal_basis="" if consent_given else legal_basis.strip(),
        legal_basis_decided_by=None if consent_given else actor,
        status=Referral.Status.PENDING_APPROVAL if police else Referral.Status.SENT,
        requested_by=actor,
    )
    referral.full_clean()
    referral.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=referral,
        subject=("cases.person", case.person_id),
        purpose=_("Henvisning til anden aktør"),
        detail=actor_type,
    )
    if police:
        approvers = [u for u in unit_caseworkers(case.responsible_unit) if u.pk != actor.pk]
        notify(
            approvers,
            text=_("En videregivelse til politiet i sag %(n)s afventer godkendelse.") % {"n": case.number},
            url=reverse("cases:approvals"),
        )
    return referral


@transaction.atomic
def referral_decide(*, actor, referral: Referral, approve: bool) -> Referral:
    referral = Referral.objects.select_for_update().select_related("case").get(pk=referral.pk)
    if referral.status != Referral.Status.PENDING_APPROVAL:
        raise ValidationError(_("Henvisningen afventer ikke godkendelse."))
    if referral.requested_by_id == actor.pk:
        raise ValidationError(_("En anden sagsbehandler end den, der bad om videregivelsen, skal godkende den."))
    referral.status = Referral.Status.APPROVED if approve else Referral.Status.REJECTED
    referral.decided_by = actor
    referral.decided_at = timezone.now()
    referral.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=referral,
        subject=("cases.person", referral.case.person_id),
        purpose=_("Godkendelse af videregivelse til politiet"),
        detail=referral.status,
    )
    return referral


@transaction.atomic
def break_glass_grant(*, actor, case: Case, reason: str) -> BreakGlassAccess:
    """Nødadgang: logged as break_glass, time-limited, and the municipality's coordinators are told."""
    if not reason.strip() or len(reason.strip()) < 10:
        raise ValidationError({"reason": _("Skriv en begrundelse på mindst 10 tegn.")})
    if case.municipality_id != actor.municipality_id or not actor.has_role(Role.SAGSBEHANDLER):
        raise ValidationError(_("Nødadgang gives kun til sagsbehandlere i sagens kommune."))
    grant = BreakGlassAccess.objects.create(
        case=case,
        user=actor,
        reason=reason.strip(),
        expires_at=timezone.now() + timedelta(hours=BREAK_GLASS_HOURS),
    )
    audit_record(
        actor=actor,
        action=Action.BREAK_GLASS,
        obj=case,
        subject=("cases.person", case.person_id),
        purpose=_("Nødadgang"),
        detail=reason.strip(),
    )
    notify(
        municipality_coordinators(case.municipality_id),
        text=_("%(user)s har brugt nødadgang til sag %(n)s.") % {"user": actor.display_name, "n": case.number},
        url="",
    )
    return grant


# --- retention -----------------------------------------------------------------------------------


@transaction.atomic
def case_set_archive_hold(*, actor, case: Case, hold: bool, reason: str = "") -> Case:
    """Put a case on archive hold (it is then never anonymised), or lift the hold. The reason is recorded."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    reason = (reason or "").strip()
    if case.anonymised_at:
        raise ValidationError(_("Sagen er anonymiseret; arkivstop kan ikke længere ændres."))
    if hold == case.archive_hold:
        raise ValidationError(_("Sagen har allerede arkivstop.") if hold else _("Sagen har ikke arkivstop."))
    if not reason:
        raise ValidationError({"reason": _("Skriv begrundelsen.")})
    case.archive_hold = hold
    case.updated_at = timezone.now()
    case.save(update_fields=["archive_hold", "updated_at"])
    template = _("Arkivstop: %(r)s") if hold else _("Arkivstop ophævet: %(r)s")
    TimelineEntry.objects.create(
        case=case, kind=TimelineEntry.Kind.EVENT, author=actor, text=template % {"r": reason[:2000]}
    )
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=case,
        subject=case.person,
        purpose=_("Arkivstop"),
        detail="on" if hold else "off",
    )
    return case


@transaction.atomic
def intake_settings_save(*, actor, municipality, child_unit: Unit, adult_unit: Unit, retention_years: int):
    """Which units receive concerns about children and adults, and how long closed cases are kept."""
    errors = {}
    for name, unit in (("child_unit", child_unit), ("adult_unit", adult_unit)):
        if unit.municipality_id != municipality.pk:
            errors[name] = _("Vælg en enhed i kommunen.")
    if not 1 <= retention_years <= 30:
        errors["retention_years"] = _("Opbevaringstiden skal være mellem 1 og 30 år.")
    if errors:
        raise ValidationError(errors)
    routing, _created = IntakeRouting.objects.update_or_create(
        municipality=municipality,
        defaults={"child_unit": child_unit, "adult_unit": adult_unit, "retention_years": retention_years},
    )
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=routing,
        purpose=_("Modtagelse af underretninger"),
        detail=f"child={child_unit.pk}; adult={adult_unit.pk}; retention={retention_years}",
        municipality_id=municipality.pk,
    )
    return routing


@transaction.atomic
def case_anonymise(*, case: Case) -> Case:
    """Replace personal content of a closed case whose retention has ended (GDPR art. 5(1)(e))."""
    case = Case.objects.select_for_update().select_related("person").get(pk=case.pk)
    if case.anonymised_at or case.archive_hold or not case.is_closed:
        return case
    now = timezone.now()
    for entry in case.entries.all():
        TimelineEntry.objects.filter(pk=entry.pk).update(text=ANONYMISED)
    for task in case.tasks.all():
        Task.objects.filter(pk=task.pk).update(title=ANONYMISED)
    Referral.objects.filter(case=case).update(
        recipient=ANONYMISED, text=ANONYMISED, consent_by="", legal_basis=ANONYMISED
    )
    BreakGlassAccess.objects.filter(case=case).update(reason=ANONYMISED)
    concerns = Concern.objects.filter(case=case)
    RelatedPerson.objects.filter(concern__in=concerns).update(name=ANONYMISED, details="")
    for concern in concerns:
        Concern.objects.filter(pk=concern.pk).update(description=ANONYMISED, closed_reason="")
    person = case.person
    others = person.cases.exclude(pk=case.pk).filter(anonymised_at__isnull=True).exists()
    if not others:
        person.name = ANONYMISED
        person.cpr = ""
        person.address = ""
        person.birth_date = None
        person.never_contact = ""
        person.contact_note = ""
        person.search_tokens = ""
        person.anonymised_at = now
        person.save(
            update_fields=[
                "name",
                "cpr",
                "address",
                "birth_date",
                "never_contact",
                "contact_note",
                "search_tokens",
                "anonymised_at",
            ]
        )
        PersonToken.objects.filter(person=person).delete()
    case.anonymised_at = now
    case.save(update_fields=["anonymised_at"])
    audit_record(
        actor=None,
        action=Action.UPDATE,
        obj=case,
        subject=person,
        purpose=_("Anonymisering efter slettefrist"),
        municipality_id=case.municipality_id,
        username="system",
    )
    return case

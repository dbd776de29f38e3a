"""Intake: persons, concerns (underretninger) and their triage into cases."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.accounts.models import Role, Unit
from tryg.audit.models import Action
from tryg.audit.services import audit_record
from tryg.core.errors import DomainError
from tryg.core.formats import date_text, datetime_text

from .. import clocks, identity
from ..models import (
    Case,
    CaseMember,
    CaseNumber,
    Concern,
    Person,
    PersonToken,
    RelatedPerson,
    TargetGroup,
    TimelineEntry,
)
from ..notifications import notify, on_duty_caseworkers
from ..selectors import allowed_warning_signs, merge_candidates, routing_for


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


def _person_build(*, municipality_id: int, data: PersonData) -> Person:
    errors = {}
    cpr = ""
    if data.cpr and data.cpr.strip():
        try:
            cpr = identity.normalise_cpr(data.cpr.strip())
        except ValidationError as exc:
            errors["cpr"] = exc.messages
    if data.birth_date and data.birth_date > timezone.localdate():
        errors["birth_date"] = [_("Fødselsdatoen kan ikke ligge i fremtiden.")]
    if errors:
        raise ValidationError(errors)
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
    """Recompute a person's search tokens (after the token key, SECRET_KEY, has changed)."""
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


def _related_build(concern: Concern, item: RelatedPersonData) -> RelatedPerson:
    if not item.relation:
        raise ValidationError({"related_persons": _("Vælg relationen for %(n)s.") % {"n": item.name}})
    if item.possible_threat and item.safe_to_contact:
        raise ValidationError(
            {
                "related_persons": _("En mulig trussel kan ikke samtidig være sikker at kontakte: %(n)s.")
                % {"n": item.name}
            }
        )
    related = RelatedPerson(
        concern=concern,
        name=item.name.strip(),
        relation=item.relation,
        possible_threat=item.possible_threat,
        safe_to_contact=item.safe_to_contact,
        details=item.details.strip(),
    )
    try:
        related.full_clean()
    except ValidationError as exc:
        raise ValidationError({"related_persons": exc.messages}) from None
    return related


def _walk_of(actor, walk_id):
    """The notifier's own action-card walk a concern is made from (the walk's access rule decides)."""
    from tryg.actioncards.access import walk_for_user

    try:
        return walk_for_user(actor, walk_id)
    except (Http404, ValidationError, ValueError):
        raise ValidationError({"walk": _("Ukendt forløb.")}) from None


def _check_warning_signs(municipality, ids) -> list[int]:
    allowed = {sign.pk for sign in allowed_warning_signs(municipality)}
    ids = list(dict.fromkeys(int(pk) for pk in ids))
    if any(pk not in allowed for pk in ids):
        raise ValidationError({"warning_signs": _("Ukendt bekymringstegn.")})
    return ids


def _notifier_unit(actor, unit_id) -> Unit | None:
    """The unit the notifier writes from: one of their own (the first when none is chosen)."""
    units = [m.unit for m in actor.memberships_cached] if actor else []
    if unit_id in (None, ""):
        return units[0] if units else None
    unit = next((u for u in units if str(u.pk) == str(unit_id)), None)
    if unit is None:
        raise ValidationError({"notifier_unit": _("Vælg en af dine enheder.")})
    return unit


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
    notifier_unit_id: int | str | None = None,
    related: list[RelatedPersonData] | tuple = (),
    warning_sign_ids: list | tuple = (),
    walk=None,
    walk_id=None,
    municipality_id: int | None = None,
    received_at=None,
    notifier_label: str = "",
) -> Concern:
    """Receive a concern, route it, start its clocks, notify on-duty case workers if acute.

    A page or the API passes ids (`notifier_unit_id`, `walk_id`, `warning_sign_ids`); this function resolves
    and checks them. Internal callers (demo, load data) may pass the objects."""
    municipality_id = municipality_id or actor.municipality_id
    if municipality_id is None:
        raise ValidationError(_("Underretningen skal høre til en kommune."))
    routing = routing_for(municipality_id)
    if target_group not in TargetGroup.values:
        raise ValidationError({"target_group": _("Vælg barn eller voksen.")})
    if walk is None and walk_id:
        walk = _walk_of(actor, walk_id)
    if notifier_unit is None and actor is not None and source != Concern.Source.ANONYMOUS:
        notifier_unit = _notifier_unit(actor, notifier_unit_id)
    if warning_sign_ids:
        warning_sign_ids = _check_warning_signs(municipality_id, warning_sign_ids)
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
        reference=_next_concern_reference(municipality_id),
        notifier_label=(notifier_label or "").strip() if source != Concern.Source.ANONYMOUS else "",
    )
    if target_group == TargetGroup.CHILD:
        concern.assessment_due_at = clocks.assessment_deadline(received_at)
    if target_group == TargetGroup.CHILD and source == Concern.Source.PROFESSIONAL and concern.notifier_id:
        # Barnets lov § 138: a professional who notified about a child is owed a receipt within 6 working days.
        # It is a duty of barnets lov, so concerns about adults get no receipt clock.
        concern.receipt_due_at = clocks.receipt_deadline(received_at)
    concern.full_clean(exclude=["warning_signs"])
    concern.save()
    for item in related:
        _related_build(concern, item).save()
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


def concern_create_public(
    *,
    municipality_id: int,
    child: PersonData,
    description: str,
    urgency: str = Concern.Urgency.NORMAL,
    notifier_name: str = "",
    notifier_contact: str = "",
) -> Concern:
    """A citizen's notification about a child from the public site (no login): the same intake as a professional's
    concern, routed to the municipality's receiving unit for children with the 24-hour clock (barnets lov § 136).

    Source "citizen" when the citizen gives a name, else "anonymous". A citizen is owed no receipt (barnets lov
    § 138 is about professionals), so no receipt clock starts. A named citizen's name and contact go into the
    (encrypted) description, as there is no user to point at."""
    notifier_name, notifier_contact = notifier_name.strip(), notifier_contact.strip()
    text = description.strip()
    if notifier_name or notifier_contact:
        text += "\n\n" + _("Underretter (borger): %(name)s. Kontakt: %(contact)s.") % {
            "name": notifier_name or _("ikke oplyst"),
            "contact": notifier_contact or _("ikke oplyst"),
        }
    return concern_create(
        actor=None,
        person=child,
        target_group=TargetGroup.CHILD,
        description=text,
        urgency=urgency,
        source=Concern.Source.CITIZEN if notifier_name else Concern.Source.ANONYMOUS,
        municipality_id=municipality_id,
    )


def _check_pending(concern: Concern) -> None:
    if not concern.is_pending:
        raise DomainError(_("Underretningen er allerede behandlet."), code="not_pending")


@transaction.atomic
def concern_confirm_receipt(*, actor, concern: Concern) -> Concern:
    """Kvittering for modtagelse: stops the receipt clock and tells the notifier."""
    concern = Concern.objects.select_for_update().get(pk=concern.pk)
    if concern.receipt_confirmed_at:
        raise DomainError(_("Modtagelsen er allerede kvitteret."), code="already_confirmed")
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
            text=_("Din underretning %(ref)s fra %(date)s er modtaget af %(unit)s %(at)s.")
            % {
                "ref": concern.reference,
                "date": date_text(concern.received_at),
                "unit": concern.receiving_unit.name,
                "at": date_text(concern.receipt_confirmed_at),
            },
            url=reverse("cases:my-concerns"),
        )
    return concern


@transaction.atomic
def concern_feedback_set(*, actor, concern: Concern, feedback: str) -> Concern:
    """The feedback a professional notifier may get about a concern about a child (barnets lov § 138): whether
    the municipality is looking into it, has started support, or takes no further steps. Nothing else is told."""
    concern = Concern.objects.select_for_update().select_related("receiving_unit").get(pk=concern.pk)
    if feedback not in Concern.Feedback.values:
        raise ValidationError({"feedback": _("Vælg en tilbagemelding.")})
    if not concern.notifier_id or concern.source != Concern.Source.PROFESSIONAL or concern.target_group != "child":
        raise DomainError(
            _("Tilbagemelding gives kun til en fagperson, der har underrettet om et barn eller en ung."),
            code="no_feedback",
        )
    if concern.feedback == feedback:
        raise ValidationError({"feedback": _("Underretteren har allerede fået den tilbagemelding.")})
    concern.feedback, concern.feedback_at, concern.feedback_by = feedback, timezone.now(), actor
    concern.save(update_fields=["feedback", "feedback_at", "feedback_by"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=concern,
        subject=("cases.person", concern.person_id),
        purpose=_("Tilbagemelding til underretteren"),
        detail=feedback,
    )
    notify(
        [concern.notifier],
        text=_("Tilbagemelding på din underretning %(ref)s: %(feedback)s.")
        % {"ref": concern.reference, "feedback": Concern.Feedback(feedback).label},
        url=reverse("cases:my-concerns"),
    )
    return concern


def _next_number(municipality_id: int, series: str) -> tuple[int, int]:
    """The next (year, number) of a municipality's series, under a row lock."""
    year = timezone.localdate().year
    counter, _created = CaseNumber.objects.select_for_update().get_or_create(
        municipality_id=municipality_id, year=year, series=series
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    return year, counter.last


def _next_case_number(municipality_id: int) -> str:
    year, number = _next_number(municipality_id, CaseNumber.Series.CASE)
    return f"{year}-{number:05d}"


def _next_concern_reference(municipality_id: int) -> str:
    year, number = _next_number(municipality_id, CaseNumber.Series.CONCERN)
    return f"U{year}-{number:05d}"


def _assessed(concern: Concern) -> None:
    if concern.assessed_at is None:
        concern.assessed_at = timezone.now()


DECISIONS = ("new_case", "merge", "close")


def concern_decide(*, actor, concern: Concern, decision: str, case_id=None, reason: str = "") -> Case | None:
    """The case worker's triage decision on a concern: a new case, onto an existing case of the same person
    (`case_id`, one of the merge candidates), or closed with a reason. Returns the case (None when closed)."""
    if decision == "new_case":
        return concern_triage(actor=actor, concern=concern)
    if decision == "merge":
        _check_pending(concern)
        if not case_id:
            raise ValidationError({"case": _("Vælg den sag, underretningen skal lægges på.")})
        case = merge_candidates(concern, actor).filter(pk=case_id).first()
        if case is None:
            raise ValidationError({"case": _("Ingen åben sag om samme person.")})
        return concern_merge(actor=actor, concern=concern, case=case)
    if decision == "close":
        concern_close(actor=actor, concern=concern, reason=reason)
        return None
    raise ValidationError({"decision": _("Vælg en beslutning.")})


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
        % {"date": datetime_text(concern.received_at)},
    )
    audit_record(actor=actor, action=Action.CREATE, obj=case, subject=case.person, purpose=_("Visitation til sag"))
    return case


@transaction.atomic
def concern_merge(*, actor, concern: Concern, case: Case) -> Case:
    """Put the concern on an existing case of the same person."""
    concern = Concern.objects.select_for_update().select_related("person").get(pk=concern.pk)
    _check_pending(concern)
    if case.municipality_id != concern.municipality_id or case.is_closed:
        raise ValidationError({"case": _("Vælg en åben sag i samme kommune.")})
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
        text=_("En ny underretning modtaget %(date)s er lagt på sagen.") % {"date": datetime_text(concern.received_at)},
    )
    audit_record(
        actor=actor, action=Action.UPDATE, obj=case, subject=case.person, purpose=_("Underretning lagt på sag")
    )
    return case


@transaction.atomic
def concern_close(*, actor, concern: Concern, reason: str) -> Concern:
    concern = Concern.objects.select_for_update().get(pk=concern.pk)
    _check_pending(concern)
    if not (reason or "").strip():
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

"""Protection of a case: emergency access (break-the-glass), archive hold and anonymisation after retention."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.accounts.models import Role
from tryg.audit.models import Action
from tryg.audit.services import audit_record

from ..access import BREAK_GLASS_HOURS
from ..models import BreakGlassAccess, Case, Concern, PersonToken, Referral, RelatedPerson, Task, TimelineEntry
from ..notifications import municipality_coordinators, notify

ANONYMISED = "[anonymiseret]"


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

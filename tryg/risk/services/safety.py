"""Safety plans: versions (never edited; a new version is a new row) whose actions become tasks."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.audit.models import Action
from tryg.cases import services as case_services
from tryg.cases.models import Case, TimelineEntry

from ..models import SafetyAction, SafetyPlan
from .common import audit_case

MAX_TEXT = 5000
MAX_ACTIONS = 20


@dataclass
class ActionData:
    text: str
    owner: object  # a user or a user id of the case's task owners
    due_date: date


@dataclass
class PlanData:
    escalation: str
    contacts: str
    review_date: date
    code_words: str = ""
    safe_places: str = ""
    no_return: str = ""
    show_logo: bool = False
    actions: list[ActionData] = field(default_factory=list)


@transaction.atomic
def safety_plan_save(*, actor, case: Case, data: PlanData) -> SafetyPlan:
    """A new version of the case's safety plan; each action becomes a task on the case (owner, deadline)."""
    errors = {}
    for name in ("escalation", "contacts", "code_words", "safe_places", "no_return"):
        value = (getattr(data, name) or "").strip()
        setattr(data, name, value)
        if len(value) > MAX_TEXT:
            errors[name] = _("Højst %(n)s tegn.") % {"n": MAX_TEXT}
    if not data.escalation:
        errors["escalation"] = _("Skriv, hvad personen gør, hvis det bliver farligt.")
    if not data.contacts:
        errors["contacts"] = _("Skriv, hvem personen kan kontakte dag og nat.")
    if data.review_date is None or data.review_date < timezone.localdate():
        errors["review_date"] = _("Vælg en dato for næste gennemgang, i dag eller senere.")
    if len(data.actions) > MAX_ACTIONS:
        errors["actions"] = _("Højst %(n)s handlinger.") % {"n": MAX_ACTIONS}
    if errors:
        raise ValidationError(errors)
    number = (SafetyPlan.objects.filter(case=case).aggregate(n=Max("number"))["n"] or 0) + 1
    plan = SafetyPlan.objects.create(
        case=case,
        number=number,
        escalation=data.escalation,
        contacts=data.contacts,
        code_words=data.code_words,
        safe_places=data.safe_places,
        no_return=data.no_return,
        review_date=data.review_date,
        show_logo=bool(data.show_logo),
        created_by=actor,
    )
    for n, action in enumerate(data.actions):
        text = (action.text or "").strip()
        if not text or len(text) > 200:
            raise ValidationError({f"actions.{n}.text": _("Beskriv handlingen (højst 200 tegn).")})
        try:
            task = case_services.task_add(
                actor=actor, case=case, title=text, owner=action.owner, due_date=action.due_date
            )
        except ValidationError as exc:
            raise ValidationError({f"actions.{n}.{k}": v for k, v in exc.message_dict.items()}) from exc
        SafetyAction.objects.create(plan=plan, text=text, owner=task.owner, due_date=task.due_date, task=task)
    TimelineEntry.objects.create(
        case=case,
        kind=TimelineEntry.Kind.EVENT,
        author=actor,
        text=_("Sikkerhedsplan version %(n)s er lavet. Gennemgås igen senest %(d)s.")
        % {"n": number, "d": data.review_date.strftime("%d.%m.%Y")},
    )
    audit_case(actor=actor, action=Action.CREATE, obj=plan, case=case, purpose=_("Sikkerhedsplan"))
    return plan

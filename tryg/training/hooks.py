"""What upskilling shows inside lower apps, through their registries (from TrainingConfig.ready)."""

from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from tryg.accounts.registry import register_demo_seeder
from tryg.core.selectors import NavItem, Section, register_nav, register_section

from . import access, selectors
from .access import COORDINATOR_ROLES, TRAINEE_ROLES
from .demo import demo_seed


def _due(user) -> list[str]:
    """What is due for the user: training to take again, their next course, and for the coordinator the dates
    of this week, for a manager how many of their staff are due."""
    if not access.is_trainee(user):
        return []
    lines = []
    for due in selectors.training_due(user):
        lines.append(
            gettext("%(course)s skal tages igen senest %(day)s")
            % {"course": due.course.title, "day": due.valid_until.strftime("%d.%m.%Y")}
        )
    upcoming = selectors.upcoming_enrolments(user)
    if upcoming:
        first = upcoming[0]
        text = (
            gettext("Du står på venteliste til %(course)s den %(day)s")
            if first.status == "waiting"
            else gettext("Næste kursus: %(course)s den %(day)s")
        )
        lines.append(
            text
            % {
                "course": first.session.course.title,
                "day": timezone.localtime(first.session.starts_at).strftime("%d.%m.%Y"),
            }
        )
    if access.is_coordinator(user):
        week = selectors.sessions_this_week(user.municipality_id)
        if week:
            lines.append(ngettext("%(n)s kursusdato i denne uge", "%(n)s kursusdatoer i denne uge", week) % {"n": week})
    staff_due = selectors.staff_due_count(user)
    if staff_due:
        lines.append(
            ngettext(
                "%(n)s medarbejder i din enhed skal have opkvalificering igen",
                "%(n)s medarbejdere i din enhed skal have opkvalificering igen",
                staff_due,
            )
            % {"n": staff_due}
        )
    return lines


def register() -> None:
    register_demo_seeder("training", demo_seed, order=60)
    register_nav(NavItem("training:course-list", _("Opkvalificering"), TRAINEE_ROLES, "training"))
    register_section(
        Section(
            _("Viden og opkvalificering"),
            _("Temadage, workshops og e-læring: tilmeld dig, se dine kurser og dine kursusbeviser."),
            "training:course-list",
            TRAINEE_ROLES,
            due=_due,
        )
    )
    register_section(
        Section(
            _("Dækning pr. enhed"),
            _("Hvor stor en del af hver enheds medarbejdere, der er opkvalificeret inden for kursets gyldighed."),
            "training:coverage",
            COORDINATOR_ROLES,
        )
    )

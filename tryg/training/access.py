"""Who may do what in upskilling: the ONLY way views and the API fetch its objects for a user.

- Every staff member of the municipality (any role but partner) sees its courses and enrols themself.
- A unit's training manager (TrainingManager, chosen by the coordinator) may enrol and cancel for the unit's
  staff, and sees their enrolments and the unit's coverage.
- The coordinator (tovholder) manages courses, sessions and managers, enrols anyone of the municipality,
  marks attendance and sees every unit's coverage.
Everything else is a 404: partners, anonymous users and other municipalities.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from tryg.accounts.models import Membership, Role, User
from tryg.core.errors import Refused

from .models import Course, CourseSession, Enrolment, TrainingManager

TRAINEE_ROLES = (Role.FAGPERSON, Role.SAGSBEHANDLER, Role.SIKKERHEDSKONSULENT, Role.TOVHOLDER, Role.ADMINISTRATOR)
COORDINATOR_ROLES = (Role.TOVHOLDER,)
PURPOSE = "Opkvalificering"


def _staff(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.municipality_id is not None


def is_trainee(user) -> bool:
    return _staff(user) and user.has_role(*TRAINEE_ROLES)


def is_coordinator(user) -> bool:
    return _staff(user) and user.has_role(*COORDINATOR_ROLES)


def require_trainee(user) -> None:
    if not is_trainee(user):
        raise Http404


def require_coordinator(user) -> None:
    if not is_coordinator(user):
        raise Http404


def managed_unit_ids(user) -> set[int]:
    """The units the user is training manager of (in their own municipality)."""
    if not _staff(user):
        return set()
    if not hasattr(user, "_training_managed"):
        user._training_managed = set(
            TrainingManager.objects.filter(user=user, unit__municipality_id=user.municipality_id).values_list(
                "unit_id", flat=True
            )
        )
    return user._training_managed


def require_coverage_reader(user) -> None:
    """The coordinator, or a training manager (for their own units)."""
    if not is_trainee(user) or not (is_coordinator(user) or managed_unit_ids(user)):
        raise Http404


def coverage_unit_ids(user) -> set[int] | None:
    """Whose coverage the user may read: None for every unit (coordinator), else the managed units."""
    return None if is_coordinator(user) else managed_unit_ids(user)


def _refused(object_type: str, pk, owner) -> Refused:
    return Refused(object_type, pk, municipality_id=owner)


def course_for_user(user, pk, *, write: bool = False) -> Course:
    require_coordinator(user) if write else require_trainee(user)
    qs = Course.objects.filter(pk=pk, municipality_id=user.municipality_id)
    if not write and not is_coordinator(user):
        qs = qs.filter(is_active=True)
    course = qs.first()
    if course is None:
        owner = Course.objects.filter(pk=pk).values_list("municipality_id", flat=True).first()
        raise _refused("training.course", pk, owner)
    return course


def session_for_user(user, pk, *, write: bool = False) -> CourseSession:
    require_coordinator(user) if write else require_trainee(user)
    qs = CourseSession.objects.filter(pk=pk, course__municipality_id=user.municipality_id).select_related("course")
    if not write and not is_coordinator(user):
        qs = qs.filter(course__is_active=True)
    session = qs.first()
    if session is None:
        owner = CourseSession.objects.filter(pk=pk).values_list("course__municipality_id", flat=True).first()
        raise _refused("training.coursesession", pk, owner)
    return session


def enrolments_visible(user) -> QuerySet[Enrolment]:
    """Own enrolments; a manager's staff's (under the managed units); every one of the municipality for the
    coordinator."""
    if not is_trainee(user):
        return Enrolment.objects.none()
    qs = Enrolment.objects.filter(municipality_id=user.municipality_id)
    if is_coordinator(user):
        return qs
    return qs.filter(Q(user=user) | Q(unit_id__in=managed_unit_ids(user)))


def enrolment_for_user(user, pk, *, attendance: bool = False) -> Enrolment:
    """An enrolment the user may see and cancel (own, their staff's, or any for the coordinator); with
    attendance=True only the coordinator qualifies."""
    qs = enrolments_visible(user)
    if attendance and not is_coordinator(user):
        qs = Enrolment.objects.none()
    enrolment = qs.filter(pk=pk).select_related("session__course", "user", "unit").first()
    if enrolment is None:
        owner = Enrolment.objects.filter(pk=pk).values_list("municipality_id", flat=True).first()
        raise _refused("training.enrolment", pk, owner)
    return enrolment


def enrollable_users(user) -> QuerySet[User]:
    """Whom the user may enrol besides themself: anyone of the municipality for the coordinator, the staff of
    their units for a manager, nobody otherwise."""
    if not is_trainee(user):
        return User.objects.none()
    users = User.objects.filter(
        municipality_id=user.municipality_id, is_active=True, memberships__role__in=TRAINEE_ROLES
    )
    if not is_coordinator(user):
        users = users.filter(memberships__unit_id__in=managed_unit_ids(user))
    return users.distinct().order_by("first_name", "last_name", "username")


def unit_for_enrolment(actor, target) -> int | None:
    """The unit an enrolment counts under: for a manager the first managed unit the person belongs to, else the
    person's first unit with a staff role (in the municipality)."""
    memberships = Membership.objects.filter(
        user=target, role__in=TRAINEE_ROLES, unit__municipality_id=target.municipality_id, unit__is_active=True
    ).order_by("unit_id")
    managed = managed_unit_ids(actor) if actor.pk != target.pk and not is_coordinator(actor) else set()
    if managed:
        memberships = memberships.filter(unit_id__in=managed)
    return memberships.values_list("unit_id", flat=True).first()


def manager_for_user(user, pk) -> TrainingManager:
    require_coordinator(user)
    manager = (
        TrainingManager.objects.filter(pk=pk, unit__municipality_id=user.municipality_id)
        .select_related("unit", "user")
        .first()
    )
    if manager is None:
        owner = TrainingManager.objects.filter(pk=pk).values_list("unit__municipality_id", flat=True).first()
        raise _refused("training.trainingmanager", pk, owner)
    return manager

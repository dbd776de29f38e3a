"""The one way administration views fetch accounts objects: own municipality only, else 404."""

from django.http import Http404, HttpRequest

from .models import Membership, Role, Unit, User


def require_administrator(request: HttpRequest) -> None:
    """Administration pages exist only for administrators with a municipality; others get 404."""
    user = request.user
    if not (user.is_authenticated and user.municipality_id and user.has_role(Role.ADMINISTRATOR)):
        raise Http404


def managed_users(admin: User):
    """The accounts `admin` manages: their municipality's, never superusers."""
    return User.objects.filter(municipality_id=admin.municipality_id, is_superuser=False)


def user_for_admin(admin: User, pk: int) -> User:
    user = managed_users(admin).filter(pk=pk).first()
    if user is None:
        raise Http404
    return user


def unit_for_admin(admin: User, pk: int) -> Unit:
    unit = Unit.objects.filter(pk=pk, municipality_id=admin.municipality_id).first()
    if unit is None:
        raise Http404
    return unit


def membership_for_admin(admin: User, user: User, pk: int) -> Membership:
    membership = Membership.objects.select_related("unit", "user").filter(pk=pk, user=user).first()
    if membership is None or membership.unit.municipality_id != admin.municipality_id:
        raise Http404
    return membership

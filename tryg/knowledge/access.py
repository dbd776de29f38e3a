"""The one way to fetch a knowledge entry for a user. Anything the user may not see or edit is a 404."""

from django.db.models import Q
from django.http import Http404

from tryg.accounts.models import Role

from .models import Entry
from .selectors import visible_entries

EDIT_NATIONAL = "knowledge.edit_national"
# Who edits their own municipality's entries.
EDITOR_ROLES = (Role.TOVHOLDER,)


def edits_own_municipality(user) -> bool:
    """A tovholder of a municipality: edits that municipality's entries and overrides national ones."""
    return bool(getattr(user, "is_authenticated", False) and user.municipality_id and user.has_role(*EDITOR_ROLES))


def edits_national(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_perm(EDIT_NATIONAL))


def can_manage(user) -> bool:
    """May the user open the editing pages at all (tovholder of a municipality, or national editor)."""
    return edits_own_municipality(user) or edits_national(user)


def require_manager(user) -> None:
    if not can_manage(user):
        raise Http404("not a knowledge editor")


def can_edit(user, entry: Entry) -> bool:
    if entry.municipality_id is None:
        return edits_national(user)
    return user.municipality_id == entry.municipality_id and edits_own_municipality(user)


def editable_scope(user) -> Q:
    """The entries the user edits, as a filter: own municipality's (tovholder), national (with permission)."""
    scope = Q(pk__in=[])
    if edits_own_municipality(user):
        scope |= Q(municipality_id=user.municipality_id)
    if edits_national(user):
        scope |= Q(municipality__isnull=True)
    return scope


def national_entry_to_override(user, slug: str) -> Entry:
    """The current national entry a tovholder may start their municipality's own version of."""
    if not edits_own_municipality(user):
        raise Http404("not a tovholder")
    national = Entry.objects.current().national().filter(slug=slug).first()
    if national is None:
        raise Http404("no national entry")
    return national


def entry_for_user(user, slug: str) -> Entry:
    """The current published version of `slug` visible to the user's municipality."""
    entry = visible_entries(user.municipality_id).filter(slug=slug).select_related("owner", "municipality").first()
    if entry is None:
        raise Http404("entry")
    return entry


def entry_version_for_user(user, slug: str, version: int) -> Entry:
    """A published (possibly superseded) version of the entry the user sees under `slug`."""
    current = entry_for_user(user, slug)
    entry = (
        Entry.objects.scope(current.municipality_id)
        .filter(slug=slug, version=version, version__gt=0)
        .select_related("owner", "published_by")
        .first()
    )
    if entry is None:
        raise Http404("version")
    return entry


def editable_entry_for_user(user, pk: int) -> Entry:
    """Any version (draft or published) the user may manage: own municipality for a tovholder,
    national entries only with the `knowledge.edit_national` permission."""
    entry = Entry.objects.filter(pk=pk).select_related("municipality", "owner").first()
    if entry is None or not can_edit(user, entry):
        raise Http404("entry")
    return entry

"""The one way to fetch a knowledge entry for a user. Anything the user may not see or edit is a 404."""

from django.http import Http404

from tryg.accounts.models import Role

from .models import Entry
from .selectors import visible_entries

EDIT_NATIONAL = "knowledge.edit_national"
# Who edits their own municipality's entries.
EDITOR_ROLES = (Role.TOVHOLDER,)


def can_manage(user) -> bool:
    """May the user open the editing pages at all (tovholder of a municipality, or national editor)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (user.municipality_id is not None and user.has_role(*EDITOR_ROLES)) or user.has_perm(EDIT_NATIONAL)


def can_edit(user, entry: Entry) -> bool:
    if entry.municipality_id is None:
        return user.has_perm(EDIT_NATIONAL)
    return user.municipality_id == entry.municipality_id and user.has_role(*EDITOR_ROLES)


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

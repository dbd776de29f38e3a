"""What changed between two published versions of an entry (for the version-diff page)."""

from django.utils.translation import gettext as _

from .models import Entry
from .services import CONTENT_FIELDS
from .textdiff import Change, change

# The content of a version, as the services copy it from version to version (the owner is compared by name).
DIFF_FIELDS = [name for name in CONTENT_FIELDS if name not in ("kind", "owner")]


def previous_version(entry: Entry) -> Entry | None:
    """The published version just before `entry` in its scope, or None for the first one."""
    return (
        Entry.objects.scope(entry.municipality_id)
        .filter(slug=entry.slug, version__gt=0, version__lt=entry.version)
        .prefetch_related("links")
        .select_related("owner")
        .order_by("-version")
        .first()
    )


def _display(entry: Entry | None, name: str):
    if entry is None:
        return None
    value = getattr(entry, name)
    field = Entry._meta.get_field(name)
    if field.choices and value:
        return getattr(entry, f"get_{name}_display")()
    return value


def entry_changes(old: Entry | None, new: Entry) -> list[Change]:
    """Every field that differs, in form order; `old=None` shows the first version against nothing."""
    changes = []
    for name in DIFF_FIELDS:
        label = Entry._meta.get_field(name).verbose_name.capitalize()
        item = change(label, _display(old, name), _display(new, name))
        if item is not None:
            changes.append(item)
    owner_old = old.owner.display_name if old is not None and old.owner else ""
    owner_new = new.owner.display_name if new.owner else ""
    item = change(Entry._meta.get_field("owner").verbose_name.capitalize(), owner_old, owner_new)
    if item is not None:
        changes.append(item)
    links_old = [link.target_slug for link in old.links.all()] if old is not None else []
    links_new = [link.target_slug for link in new.links.all()]
    item = change(_("Henvisninger"), links_old, links_new)
    if item is not None:
        changes.append(item)
    return changes

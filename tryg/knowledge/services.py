"""Every write to the knowledge base.

Lifecycle: a draft (version 0) is created or edited; publishing gives it the next version number and
closes the previous published version by setting its `valid_to` (its text is never touched again).

Audit: the knowledge base holds no personal data, so these writes do not add rows to the access log.
The trail is in the rows themselves: every version keeps `created_by`, `published_by` and its dates.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from . import search
from .models import Entry, EntryLink

CONTENT_FIELDS = [
    "kind",
    "title",
    "summary",
    "body",
    "owner",
    "review_date",
    "group",
    "for_child",
    "for_young",
    "for_adult",
    "law",
    "paragraph",
    "stk",
    "in_force_from",
    "source_url",
    "repealed_on",
    "successors",
    "superseded_by_text",
    "verified",
    "verified_by",
    "verified_on",
    "tool_type",
    "phone",
    "hours",
    "audience",
    "url",
    "address",
]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean_value(value):
    if isinstance(value, str):
        return _CONTROL.sub("", value).strip()
    if isinstance(value, (list, tuple)):
        return [_clean_value(v) for v in value]
    return value


def _copy_content(source: Entry) -> dict:
    content = {name: getattr(source, name) for name in CONTENT_FIELDS}
    content["successors"] = list(source.successors or [])
    return content


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(CONTENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown entry fields: {sorted(unknown)}")


def _set_links(entry: Entry, slugs) -> None:
    slugs = [s for s in dict.fromkeys(slugs or []) if s and s != entry.slug]
    EntryLink.objects.filter(entry=entry).delete()
    EntryLink.objects.bulk_create(
        [EntryLink(entry=entry, target_slug=slug, position=i) for i, slug in enumerate(slugs)]
    )


@transaction.atomic
def entry_create_draft(
    *, actor, municipality, slug: str, links=None, national_slug_ok: bool = False, **fields
) -> Entry:
    """A new draft in the municipality's scope (municipality=None: national). The slug must be free there,
    and a municipal entry does not take a national entry's slug (the tovholder overrides that one instead)
    unless `national_slug_ok` (the seed content, which publishes a municipality's own versions directly)."""
    _check_fields(fields)
    municipality_id = municipality.pk if municipality is not None else None
    if Entry.objects.scope(municipality_id).filter(slug=slug).exists():
        raise ValidationError({"slug": _("Der findes allerede et opslag med dette korte navn.")})
    if municipality_id is not None and not national_slug_ok and Entry.objects.national().filter(slug=slug).exists():
        raise ValidationError(
            {"slug": _("Der findes et nationalt opslag med dette korte navn. Tilpas det nationale opslag i stedet.")}
        )
    now = timezone.now()
    entry = Entry(
        slug=slug,
        municipality=municipality,
        status=Entry.Status.DRAFT,
        version=0,
        created_by=actor,
        created_at=now,
        updated_at=now,
        **{k: _clean_value(v) for k, v in fields.items()},
    )
    if entry.owner is None:
        entry.owner = actor
    entry.full_clean()
    entry.save()
    _set_links(entry, links)
    return entry


@transaction.atomic
def entry_update_draft(*, actor, entry: Entry, links=None, **fields) -> Entry:
    """Change a draft. Published versions cannot be changed."""
    _check_fields(fields)
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if not entry.is_draft:
        raise ValidationError(_("Kun kladder kan ændres. Opret en ny version for at ændre et offentliggjort opslag."))
    for name, value in fields.items():
        setattr(entry, name, _clean_value(value))
    entry.updated_at = timezone.now()
    entry.full_clean()
    entry.save(update_fields=[*fields, "updated_at"])
    if links is not None:
        _set_links(entry, links)
    return entry


@transaction.atomic
def entry_start_revision(*, actor, entry: Entry) -> Entry:
    """The draft for the next version of a published entry (an existing draft is reused)."""
    if entry.is_draft:
        return entry
    if not entry.is_current:
        raise ValidationError(_("Kun den gældende version kan danne grundlag for en ny version."))
    draft = Entry.objects.scope(entry.municipality_id).drafts().filter(slug=entry.slug).first()
    if draft is not None:
        return draft
    now = timezone.now()
    draft = Entry(
        slug=entry.slug,
        municipality_id=entry.municipality_id,
        status=Entry.Status.DRAFT,
        version=0,
        created_by=actor,
        created_at=now,
        updated_at=now,
        **_copy_content(entry),
    )
    draft.full_clean()
    draft.save()
    _set_links(draft, [link.target_slug for link in entry.links.all()])
    return draft


@transaction.atomic
def entry_override(*, actor, municipality, national: Entry) -> Entry:
    """A municipality's draft that will replace a national entry for that municipality once published."""
    if not national.is_national or not national.is_current:
        raise ValidationError(_("Kun gældende nationale opslag kan tilpasses."))
    existing = Entry.objects.scope(municipality.pk).filter(slug=national.slug)
    draft = existing.filter(status=Entry.Status.DRAFT).first()
    if draft is not None:
        return draft
    if existing.current().exists():
        raise ValidationError(_("Kommunen har allerede sin egen udgave af dette opslag."))
    now = timezone.now()
    content = _copy_content(national)
    content["owner"] = actor
    draft = Entry(
        slug=national.slug,
        municipality=municipality,
        status=Entry.Status.DRAFT,
        version=0,
        created_by=actor,
        created_at=now,
        updated_at=now,
        **content,
    )
    draft.full_clean()
    draft.save()
    _set_links(draft, [link.target_slug for link in national.links.all()])
    return draft


@transaction.atomic
def entry_publish(*, actor, entry: Entry) -> Entry:
    """Publish a draft as the next version; the previous version keeps its text and gets valid_to."""
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if not entry.is_draft:
        raise ValidationError(_("Kun kladder kan offentliggøres."))
    scope = Entry.objects.scope(entry.municipality_id).filter(slug=entry.slug)
    previous = list(scope.select_for_update().current())
    now = timezone.now()
    for old in previous:
        old.valid_to = now
        old.save(update_fields=["valid_to"])
    last = scope.aggregate(last=Max("version"))["last"] or 0
    entry.version = last + 1
    entry.status = Entry.Status.PUBLISHED
    entry.valid_from = now
    entry.valid_to = None
    entry.published_by = actor
    entry.updated_at = now
    entry.full_clean()
    entry.save(update_fields=["version", "status", "valid_from", "valid_to", "published_by", "updated_at"])
    search.index_entries([entry.pk, *(old.pk for old in previous)])
    return entry


@transaction.atomic
def entry_discard_draft(*, actor, entry: Entry) -> None:
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if not entry.is_draft:
        raise ValidationError(_("Kun kladder kan kasseres."))
    entry.delete()


@transaction.atomic
def entry_retire(*, actor, entry: Entry) -> Entry:
    """Withdraw the current version (e.g. end an override, so the national entry shows again)."""
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if not entry.is_current:
        raise ValidationError(_("Kun den gældende version kan trækkes tilbage."))
    entry.status = Entry.Status.RETIRED
    entry.valid_to = timezone.now()
    entry.updated_at = entry.valid_to
    entry.save(update_fields=["status", "valid_to", "updated_at"])
    search.index_entries([entry.pk])
    return entry


@transaction.atomic
def entry_create_published(*, actor, municipality, slug: str, links=None, **fields) -> Entry:
    """Create and publish in one step (seed content and imports)."""
    draft = entry_create_draft(
        actor=actor, municipality=municipality, slug=slug, links=links, national_slug_ok=True, **fields
    )
    return entry_publish(actor=actor, entry=draft)

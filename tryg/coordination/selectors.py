"""Every read of the coordination app across relations: the queue, a consultation's thread, counts, the
directory, meetings and the referral inbox. No writes, no audit rows (the view that shows data logs the read)."""

from datetime import timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from tryg.cases.access import visible_cases
from tryg.cases.selectors import capped_count
from tryg.core.paging import Page, offset_for

from .access import visible_consultations
from .models import ActorReferral, AgendaItem, Consultation, Meeting, Message, Participant

PAGE_SIZE = 50
REPEAT_DAYS = 365  # "gentagelse": on an agenda again within 12 months of the case's last referral to a meeting


def thread(consultation: Consultation) -> list[Message]:
    """The consultation's messages in time order (authors loaded)."""
    return list(consultation.messages.select_related("author").order_by("created_at", "id"))


QUEUE_STATUSES = ("open", *Consultation.Status.values, "all")


def queue_queryset(user, *, status: str = "open", municipality_id=None):
    """The region's consultations of one form of the queue (open, one status, all; one municipality or all), in
    queue order. Each form has an index in that order (Consultation.Meta.indexes)."""
    qs = Consultation.objects.filter(region_id=user.municipality.region_id)
    if status == "open":
        qs = qs.open()
    elif status in Consultation.Status.values:
        qs = qs.filter(status=status)
    if municipality_id:
        qs = qs.filter(municipality_id=municipality_id)
    return qs.in_queue_order()


# What the queue page shows of a consultation: the topic is the one encrypted field read (and decrypted); the
# consultation's other texts (advice, contact, the person's details, ...) stay unloaded.
QUEUE_FIELDS = (
    "id",
    "urgency",
    "topic",
    "is_anonymous",
    "asker_type",
    "status",
    "created_at",
    "municipality__name",
    "unit__name",
    "holder__username",
    "holder__first_name",
    "holder__last_name",
)


def queue_page(
    user, *, number: int, status: str = "open", municipality_id=None, only: tuple[str, ...] | None = None
) -> tuple[list, Page]:
    """The region's consultations for a consultant, most urgent first, then oldest first, 50 a page. The total is
    counted up to a cap beyond the page (counting a whole region grows with it). `only`: the fields loaded
    (QUEUE_FIELDS for the page); all when None."""
    qs = queue_queryset(user, status=status, municipality_id=municipality_id)
    start = offset_for(number, PAGE_SIZE)
    total, cap = capped_count(qs, start)
    qs = qs.select_related("municipality", "unit", "holder")
    if only:
        qs = qs.only(*only)
    rows = list(qs[start : start + PAGE_SIZE])
    return rows, Page(number=number, size=PAGE_SIZE, shown=len(rows), total=total, cap=cap)


def my_consultations_page(user, *, number: int) -> tuple[list, Page]:
    qs = Consultation.objects.filter(asker=user)
    total = qs.count()
    start = offset_for(number, PAGE_SIZE)
    rows = list(qs.select_related("holder", "case").order_by("-created_at")[start : start + PAGE_SIZE])
    return rows, Page(number=number, size=PAGE_SIZE, shown=len(rows), total=total)


def region_counts(user, *, months: int = 12) -> dict:
    """The team's reporting: counts per municipality, month, anonymous vs named and asker type (last `months`)."""
    since = _month_starts(months)[0]
    qs = Consultation.objects.filter(region_id=user.municipality.region_id, created_at__gte=since)
    names = {m.pk: m.name for m in user.region_municipalities}
    per_municipality = [
        {"municipality": names.get(row["municipality_id"], "") or "—", "count": row["n"]}
        for row in qs.values("municipality_id").annotate(n=Count("id")).order_by("-n")
    ]
    # One conditional count per month (plain range comparisons; SQLite would truncate dates in Python per row).
    starts = _month_starts(months)
    bounds = list(zip(starts, [*starts[1:], None], strict=True))
    sums = qs.aggregate(
        **{
            f"m{i}": Count("id", filter=Q(created_at__gte=a) & (Q(created_at__lt=b) if b else Q()))
            for i, (a, b) in enumerate(bounds)
        }
    )
    per_month = [{"month": a, "count": sums[f"m{i}"]} for i, (a, _b) in enumerate(bounds) if sums[f"m{i}"]]
    anonymity = {row["is_anonymous"]: row["n"] for row in qs.values("is_anonymous").annotate(n=Count("id"))}
    labels = dict(Consultation.AskerType.choices)
    per_asker = [
        {"asker_type": row["asker_type"], "label": labels.get(row["asker_type"], row["asker_type"]), "count": row["n"]}
        for row in qs.values("asker_type").annotate(n=Count("id")).order_by("asker_type")
    ]
    return {
        "since": since,
        "per_municipality": per_municipality,
        "per_month": per_month,
        "anonymous": anonymity.get(True, 0),
        "named": anonymity.get(False, 0),
        "per_asker": per_asker,
        "total": sum(r["count"] for r in per_municipality),
    }


def _month_starts(months: int) -> list:
    """The first moment of each of the last `months` months (this one included), oldest first, local time."""
    first = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    out = [first]
    for _ in range(months - 1):
        previous = (out[0] - timedelta(days=1)).replace(day=1)
        out.insert(0, timezone.make_aware(previous.replace(tzinfo=None)))
    return out


def case_consultations(user, case) -> list[Consultation]:
    """The consultations of `case` the user may see; `case` is one they may read (the case page's panel)."""
    consultations = visible_consultations(user, readable_case=case)
    return list(consultations.select_related("holder").order_by("-created_at")[:10])


# --- meetings ---------------------------------------------------------------------------------------


def meeting_file(user, meeting: Meeting) -> dict:
    """A meeting's participants and agenda; each item carries `may_read` (the user may see the case) and, when
    so, its decisions and actions. Fixed queries: participants, items, visible case ids, actions."""
    participants = list(meeting.participants.select_related("user", "actor").order_by("actor_id", "user_id"))
    items = list(
        meeting.items.select_related("case", "case__person").prefetch_related(
            Prefetch("actions", queryset=_actions_qs()), "family_invitations"
        )
    )
    readable = set(visible_cases(user).filter(pk__in=[i.case_id for i in items]).values_list("pk", flat=True))
    writable = set(
        visible_cases(user, write=True).filter(pk__in=[i.case_id for i in items]).values_list("pk", flat=True)
    )
    for item in items:
        item.may_read = item.case_id in readable
        item.may_write = item.case_id in writable
    return {"meeting": meeting, "participants": participants, "items": items}


def _actions_qs():
    from .models import MeetingAction

    return MeetingAction.objects.select_related("task", "task__owner").order_by("created_at")


def meetings_for(user, visible) -> list[Meeting]:
    return list(visible.annotate(n_items=Count("items")).order_by("-starts_at")[:100])


def last_referral_to_meeting(case, *, before=None) -> AgendaItem | None:
    qs = AgendaItem.objects.filter(case=case)
    if before is not None:
        qs = qs.filter(added_at__lt=before)
    return qs.order_by("-added_at").first()


def is_repeat_referral(case, *, now=None) -> bool:
    """True when the case was on a meeting's agenda within the last 12 months."""
    now = now or timezone.now()
    last = last_referral_to_meeting(case)
    return last is not None and last.added_at >= now - timedelta(days=REPEAT_DAYS)


def case_repeat_flag(case) -> AgendaItem | None:
    """The case's latest agenda item if it is flagged "gentagelse" (one query)."""
    item = AgendaItem.objects.filter(case=case).select_related("meeting").order_by("-added_at").first()
    return item if item is not None and item.is_repeat else None


def meeting_user_candidates(meeting: Meeting):
    """Tryg users who may take part: staff of the meeting's region (case workers and consultants)."""
    from tryg.accounts.models import Membership, Role, User

    ids = Membership.objects.filter(
        unit__municipality__region_id=meeting.region_id,
        role__in=(Role.SAGSBEHANDLER, Role.SIKKERHEDSKONSULENT),
        user__is_active=True,
    ).values("user_id")
    taken = Participant.objects.filter(meeting=meeting, user__isnull=False).values("user_id")
    return User.objects.filter(pk__in=ids).exclude(pk__in=taken).order_by("first_name", "last_name")


# --- referrals ---------------------------------------------------------------------------------------


def inbox_page(visible, *, number: int) -> tuple[list, Page]:
    total = visible.count()
    start = offset_for(number, PAGE_SIZE)
    rows = list(
        visible.select_related("referral", "referral__case__municipality", "actor", "unit").order_by("-created_at")[
            start : start + PAGE_SIZE
        ]
    )
    return rows, Page(number=number, size=PAGE_SIZE, shown=len(rows), total=total)


def case_actor_referrals(case) -> list[ActorReferral]:
    return list(
        ActorReferral.objects.filter(referral__case=case)
        .select_related("referral", "actor", "answered_by")
        .order_by("-created_at")
    )

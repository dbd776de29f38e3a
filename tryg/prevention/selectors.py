"""Every read of youth-to-youth dialogue that crosses relations: lists, the month calendar, a session's
page, a facilitator's own sessions and the reach statistics.

Callers have checked access (`access.py`); none of these writes to the access log (views do that).
"""

import calendar
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone

from tryg.accounts.models import Unit, User
from tryg.core.paging import Page

from .models import (
    AgeBand,
    DialogueSession,
    Evaluation,
    EvaluationSlip,
    Facilitator,
    Gender,
    ParticipantCount,
    PlaceKind,
    Topic,
)

LIST_PAGE = 50
REFLECTIONS_SHOWN = 50


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def week_bounds(today: date | None = None) -> tuple[datetime, datetime]:
    """Monday 00:00 to the next Monday 00:00 (local time) of the week holding `today`."""
    today = today or timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    return _local_midnight(monday), _local_midnight(monday + timedelta(days=7))


def _with_list_data(qs):
    return (
        qs.select_related("place_unit")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .annotate(participants=Sum("counts__count"))
    )


# --- lists and calendar ----------------------------------------------------------------------------


def sessions_page(municipality_id: int, number: int, *, past: bool = False, size: int = LIST_PAGE):
    """Upcoming sessions (soonest first) or past ones (latest first), a page at a time."""
    start_of_today = _local_midnight(timezone.localdate())
    qs = DialogueSession.objects.filter(municipality_id=municipality_id)
    qs = (
        qs.filter(starts_at__lt=start_of_today).order_by("-starts_at", "-id")
        if past
        else qs.filter(starts_at__gte=start_of_today).order_by("starts_at", "id")
    )
    total = qs.count()
    offset = (number - 1) * size
    rows = list(_with_list_data(qs)[offset : offset + size])
    return rows, Page(number=number, size=size, shown=len(rows), total=total)


@dataclass
class CalendarDay:
    day: date
    in_month: bool
    is_today: bool
    sessions: list


def month_calendar(municipality_id: int, year: int, month: int) -> list[list[CalendarDay]]:
    """The month as weeks (Monday first) of days with their sessions."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    sessions = _with_list_data(
        DialogueSession.objects.filter(
            municipality_id=municipality_id,
            starts_at__gte=_local_midnight(first),
            starts_at__lt=_local_midnight(last + timedelta(days=1)),
        ).order_by("starts_at", "id")
    )
    by_day = defaultdict(list)
    for session in sessions:
        by_day[timezone.localdate(session.starts_at)].append(session)
    today = timezone.localdate()
    return [[CalendarDay(d, d.month == month, d == today, by_day.get(d, [])) for d in week] for week in weeks]


def facilitators_page(municipality_id: int, number: int, *, size: int = LIST_PAGE):
    qs = Facilitator.objects.filter(municipality_id=municipality_id).select_related("user")
    total = qs.count()
    offset = (number - 1) * size
    rows = list(qs.annotate(session_count=Count("sessions"))[offset : offset + size])
    return rows, Page(number=number, size=size, shown=len(rows), total=total)


def facilitator_sessions(facilitator: Facilitator) -> tuple[list, list]:
    """(upcoming, recent past) sessions the facilitator leads (cancelled ones included, marked)."""
    start_of_today = _local_midnight(timezone.localdate())
    qs = _with_list_data(facilitator.sessions.all())
    upcoming = list(qs.filter(starts_at__gte=start_of_today).order_by("starts_at", "id")[:LIST_PAGE])
    past = list(qs.filter(starts_at__lt=start_of_today).order_by("-starts_at", "-id")[:LIST_PAGE])
    return upcoming, past


# --- forms' choices --------------------------------------------------------------------------------


def topic_choices(municipality_id: int, *, include: list[int] | None = None):
    return Topic.objects.filter(Q(municipality_id=municipality_id) & (Q(is_active=True) | Q(pk__in=include or [])))


def facilitator_choices(municipality_id: int):
    return Facilitator.objects.filter(municipality_id=municipality_id).exclude(
        training_status=Facilitator.Training.INACTIVE
    )


def place_unit_choices(municipality_id: int):
    return Unit.objects.filter(municipality_id=municipality_id, is_active=True).order_by("name")


def user_choices(municipality_id: int):
    return User.objects.filter(municipality_id=municipality_id, is_active=True).order_by("first_name", "username")


def topics_of(municipality_id: int):
    return Topic.objects.filter(municipality_id=municipality_id).annotate(session_count=Count("sessions"))


# --- one session -----------------------------------------------------------------------------------


def count_grid(session: DialogueSession) -> dict:
    """{(age band, gender): count} and the totals per row, column and all."""
    counts = {(c.age_band, c.gender): c.count for c in session.counts.all()}
    return counts


def session_page(session: DialogueSession) -> dict:
    """What the session page shows: topics, facilitators, counts, slips and the evaluation summary."""
    counts = count_grid(session)
    slips = session.slips.aggregate(total=Count("id"), used=Count("id", filter=Q(used_on__isnull=False)))
    evaluations = Evaluation.objects.filter(session=session)
    summary = _score_summary(evaluations)
    reflections = [
        e.reflection
        for e in evaluations.exclude(reflection="").order_by("-id").only("reflection")[:REFLECTIONS_SHOWN]
        if e.reflection
    ]
    rows = [
        {
            "band": label,
            "cells": [counts.get((band, gender), 0) for gender in Gender.values],
            "total": sum(counts.get((band, gender), 0) for gender in Gender.values),
        }
        for band, label in AgeBand.choices
    ]
    return {
        "topics": list(session.topics.order_by("name")),
        "facilitators": list(session.facilitators.all()),
        "count_rows": rows,
        "genders": Gender.labels,
        "participants": sum(counts.values()),
        "slips": slips,
        "summary": summary,
        "reflections": reflections,
    }


def _score_summary(evaluations) -> dict:
    figures = evaluations.aggregate(
        n=Count("id"),
        voice=Sum("score_voice"),
        learned=Sum("score_learned"),
        relevant=Sum("score_relevant"),
    )
    n = figures["n"] or 0
    return {
        "n": n,
        "voice": round(figures["voice"] / n, 1) if n else None,
        "learned": round(figures["learned"] / n, 1) if n else None,
        "relevant": round(figures["relevant"] / n, 1) if n else None,
    }


def session_slips(session: DialogueSession) -> list[EvaluationSlip]:
    return list(session.slips.filter(used_on__isnull=True).order_by("id"))


# --- the start page --------------------------------------------------------------------------------


def sessions_this_week(municipality_id: int) -> int:
    start, end = week_bounds()
    return (
        DialogueSession.objects.not_cancelled()
        .filter(municipality_id=municipality_id, starts_at__gte=start, starts_at__lt=end)
        .count()
    )


def facilitator_sessions_this_week(user) -> int:
    start, end = week_bounds()
    return (
        DialogueSession.objects.not_cancelled()
        .filter(facilitators__user=user, starts_at__gte=start, starts_at__lt=end)
        .distinct()
        .count()
    )


def sessions_awaiting_counts(municipality_id: int) -> int:
    """Planned sessions that have begun but have no participant counts yet."""
    return DialogueSession.objects.filter(
        municipality_id=municipality_id, status=DialogueSession.Status.PLANNED, starts_at__lt=timezone.now()
    ).count()


# --- reach statistics ------------------------------------------------------------------------------


@dataclass
class Reach:
    label: str
    sessions: int = 0
    participants: int = 0
    schools: int = 0
    clubs: int = 0
    associations: int = 0
    evaluations: int = 0
    voice: float | None = None
    learned: float | None = None
    relevant: float | None = None


def _place_key(row) -> tuple:
    return ("unit", row["place_unit_id"]) if row["place_unit_id"] else ("name", row["place_name"].strip().lower())


def reach_statistics(municipality_id: int, year: int) -> dict:
    """Sessions held, participants, schools, clubs and associations reached, evaluation scores per month of
    `year` and for the whole year (places counted once a year), and the topics of the sessions held."""
    start, end = _local_midnight(date(year, 1, 1)), _local_midnight(date(year + 1, 1, 1))
    sessions = list(
        DialogueSession.objects.filter(municipality_id=municipality_id, starts_at__gte=start, starts_at__lt=end)
        .not_cancelled()
        .values("id", "starts_at", "status", "place_kind", "place_unit_id", "place_name")
    )
    month_of = {s["id"]: timezone.localtime(s["starts_at"]).month for s in sessions}
    held = {s["id"] for s in sessions if s["status"] == DialogueSession.Status.HELD}
    participants = dict(
        ParticipantCount.objects.filter(session_id__in=held)
        .values("session_id")
        .annotate(total=Sum("count"))
        .values_list("session_id", "total")
    )
    scores = {
        row["session_id"]: row
        for row in Evaluation.objects.filter(session_id__in=month_of)
        .values("session_id")
        .annotate(n=Count("id"), voice=Sum("score_voice"), learned=Sum("score_learned"), relevant=Sum("score_relevant"))
    }
    topic_counts = Counter(
        DialogueSession.topics.through.objects.filter(dialoguesession_id__in=held).values_list("topic__name", flat=True)
    )
    month_names = [date(year, m, 1) for m in range(1, 13)]
    months = [Reach(label=d) for d in month_names]
    total = Reach(label=str(year))

    def add(reach: Reach, group: list[dict]) -> None:
        held_rows = [s for s in group if s["id"] in held]
        reach.sessions = len(held_rows)
        reach.participants = sum(participants.get(s["id"], 0) for s in held_rows)
        for kind, attr in (
            (PlaceKind.SCHOOL, "schools"),
            (PlaceKind.YOUTH_CLUB, "clubs"),
            (PlaceKind.ASSOCIATION, "associations"),
        ):
            setattr(reach, attr, len({_place_key(s) for s in held_rows if s["place_kind"] == kind}))
        rows = [scores[s["id"]] for s in group if s["id"] in scores]
        n = sum(r["n"] for r in rows)
        reach.evaluations = n
        if n:
            reach.voice = round(sum(r["voice"] for r in rows) / n, 1)
            reach.learned = round(sum(r["learned"] for r in rows) / n, 1)
            reach.relevant = round(sum(r["relevant"] for r in rows) / n, 1)

    for index, reach in enumerate(months, start=1):
        add(reach, [s for s in sessions if month_of[s["id"]] == index])
    add(total, sessions)
    return {"year": year, "months": months, "total": total, "topics": topic_counts.most_common()}

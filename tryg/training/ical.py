"""iCalendar (RFC 5545) files of course sessions, made with the `icalendar` package."""

from django.utils import timezone
from icalendar import Calendar, Event

from .models import CourseSession

PRODID = "-//Tryg//Opkvalificering//DA"


def calendar_for(sessions: list[CourseSession], *, host: str, name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = timezone.now()
    for session in sessions:
        course = session.course
        event = Event()
        event.add("uid", f"training-session-{session.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("summary", course.title)
        event.add("location", session.place)
        lines = [course.get_kind_display(), *[f"• {goal}" for goal in course.goals]]
        event.add("description", "\n".join(str(line) for line in lines))
        event.add("status", "CANCELLED" if session.cancelled_at else "CONFIRMED")
        cal.add_component(event)
    return cal.to_ical()

"""The "Done when" of upskilling in a real browser, with axe-core on every page: a professional enrols in a
full session and is on the waiting list, moves up when someone cancels, and is marked attended; the unit's
coverage changes; the calendar file imports."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from tryg.core.tests.browser import DESKTOP, axe_check, check_at_widths

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("training-browser"), pytest.mark.django_db(transaction=True)]


def _school_share(page) -> str:
    row = page.locator("tr", has=page.locator("th", has_text="Sønderbro Skole"))
    return row.locator(".trn-share").inner_text()


def test_the_done_when_path(browser_login, cast, live_server):
    from tryg.training import services
    from tryg.training.models import CourseSession, Enrolment

    day = timezone.localdate() + timedelta(days=10)
    coordinator = browser_login("tovholder")
    coordinator.set_viewport_size(DESKTOP)

    # 1. The coordinator creates a course and a date with a single seat.
    coordinator.goto("/app/training/courses/new/")
    coordinator.fill("#id_title", "Temadag: bekymringstegn")
    coordinator.select_option("#id_kind", "theme_day")
    coordinator.fill("#id_learning_goals", "Kende bekymringstegnene\nVide, hvordan man underretter")
    coordinator.click("label[for=id_target_groups_0]")
    coordinator.fill("#id_validity_months", "24")
    axe_check(coordinator, name="training-course-form")
    coordinator.get_by_role("button", name="Opret kurset", exact=True).click()
    coordinator.wait_for_selector("text=Kurset er oprettet")
    coordinator.get_by_role("link", name="Tilføj en dato", exact=True).click()
    coordinator.fill("#id_day", day.isoformat())
    coordinator.fill("#id_start", "09:00")
    coordinator.fill("#id_end", "15:00")
    coordinator.fill("#id_place", "Hjulmagervej 22, 9000 Aalborg")
    coordinator.fill("#id_capacity", "1")
    coordinator.get_by_role("button", name="Opret datoen", exact=True).click()
    coordinator.wait_for_selector("text=der er åbnet for tilmelding")
    session = CourseSession.objects.get()
    coordinator.goto("/app/training/coverage/")
    assert _school_share(coordinator) == "0 %"

    # 2. The case worker takes the only seat; the fagperson finds the date full and joins the waiting list.
    seat = services.enrolment_create(actor=cast["sagsbehandler"], session=session)
    teacher = browser_login("fagperson")
    teacher.set_viewport_size(DESKTOP)
    teacher.goto("/app/training/")
    teacher.get_by_role("link", name="Temadag: bekymringstegn", exact=True).click()
    teacher.locator("table a").first.click()
    assert "1 af 1 taget" in teacher.locator("#seats").inner_text()
    teacher.get_by_role("button", name="Skriv mig på ventelisten", exact=True).click()
    teacher.wait_for_selector("text=Du står på ventelisten")
    assert "nummer 1 på ventelisten" in teacher.locator("#own-status").inner_text()
    check_at_widths(teacher, "training-session-waiting")

    # 3. Someone cancels: the fagperson moves up and is told.
    worker = browser_login("sagsbehandler")
    worker.goto(f"/app/training/sessions/{session.pk}/")
    worker.get_by_role("button", name="Afmeld mig", exact=True).click()
    worker.wait_for_selector("text=Tilmeldingen er afmeldt")
    seat.refresh_from_db()
    assert seat.status == "cancelled"
    teacher.reload()
    assert "Tilmeldt" in teacher.locator("#own-status").inner_text()
    assert Enrolment.objects.get(user=cast["fagperson"], status="enrolled").promoted_at is not None

    # 4. The calendar file imports.
    with teacher.expect_download() as download_info:
        teacher.get_by_role("link", name="Hent i kalenderen (.ics)", exact=True).click()
    event = Calendar.from_ical(open(download_info.value.path(), "rb").read()).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Temadag: bekymringstegn"
    assert timezone.localtime(event.decoded("DTSTART")).date() == day
    assert timezone.localtime(event.decoded("DTSTART")).hour == 9
    teacher.goto("/app/training/mine/")
    check_at_widths(teacher, "training-my-training")

    # 5. The day comes; the coordinator marks the fagperson attended, and the school's coverage changes.
    CourseSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() + timedelta(hours=1)
    )
    coordinator.goto(f"/app/training/sessions/{session.pk}/")
    coordinator.get_by_role("button", name="Markér Freja Lærer som deltaget", exact=True).click()
    coordinator.wait_for_selector("text=Fremmødet er registreret")
    check_at_widths(coordinator, "training-session-coordinator")
    coordinator.goto("/app/training/coverage/")
    assert _school_share(coordinator) == "100 %"
    check_at_widths(coordinator, "training-coverage")

    # 6. The fagperson's certificate.
    teacher.goto("/app/training/mine/")
    teacher.get_by_role("link", name="Kursusbevis for Temadag: bekymringstegn", exact=True).click()
    teacher.wait_for_selector("h1:has-text('Kursusbevis')")
    assert "Freja Lærer har deltaget i Temadag: bekymringstegn" in teacher.content()
    check_at_widths(teacher, "training-certificate")
    teacher.goto("/app/training/")
    check_at_widths(teacher, "training-course-list")

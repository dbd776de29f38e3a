"""Daily housekeeping for concerns and cases; cron runs it once a day, e.g.

    0 2 * * *  cd /srv/tryg && .venv/bin/python manage.py cases_daily

It enqueues (database backend: run by `manage.py db_worker`) the deadline reminders and the retention
task that anonymises closed cases past their retention date unless they are on archive hold.
Add `--reminders-only` to an hourly cron line so the 24-hour clock's 4-hour warning is timely.
"""

from django.core.management.base import BaseCommand

from tryg.cases.tasks import anonymise_expired_cases, send_deadline_reminders


class Command(BaseCommand):
    help = "Enqueue the deadline reminders and the retention (anonymisation) task."

    def add_arguments(self, parser):
        parser.add_argument("--reminders-only", action="store_true")

    def handle(self, *args, reminders_only=False, **options):
        results = [send_deadline_reminders.enqueue()]
        if not reminders_only:
            results.append(anonymise_expired_cases.enqueue())
        for result in results:
            self.stdout.write(f"{result.task.name}: {result.status}")

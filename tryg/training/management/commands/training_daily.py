"""Daily job of upskilling; cron runs it once a day, e.g.

    30 6 * * *  cd /srv/tryg && .venv/bin/python manage.py training_daily

It enqueues (database backend: run by `manage.py db_worker`) the reminders to professionals and their
training managers when a course is due again.
"""

from django.core.management.base import BaseCommand

from tryg.training.tasks import send_training_reminders


class Command(BaseCommand):
    help = "Enqueue the reminders of training that is due again."

    def handle(self, *args, **options):
        result = send_training_reminders.enqueue()
        self.stdout.write(f"{result.task.name}: {result.status}")

"""Daily: delete anonymous threads (and their consultations) and forget notification codes after
settings.TRYG_PUBLIC_THREAD_DAYS without activity. Run from cron, e.g. `45 6 * * * … manage.py public_daily`."""

from django.core.management.base import BaseCommand

from tryg.public.services import expired_delete


class Command(BaseCommand):
    help = "Slet anonyme henvendelser og koder, der har været uden aktivitet i den fastsatte periode."

    def handle(self, *args, **options):
        counts = expired_delete()
        self.stdout.write(
            f"threads deleted: {counts['threads']}, notification codes forgotten: {counts['notifications']}"
        )

"""`manage.py audit_verify`: walk the access log's hash chain and report any row that was changed."""

from django.core.management.base import BaseCommand, CommandError

from tryg.audit.models import AuditEvent
from tryg.audit.services import audit_verify


class Command(BaseCommand):
    help = "Verify the access log's hash chain. Exit 0 when intact, 1 listing the broken rows otherwise."

    def handle(self, *args, **options):
        ok, problems = audit_verify()
        if not ok:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"FAILED: {len(problems)} problem(s) in the access log chain", returncode=1)
        count = AuditEvent.objects.count()
        self.stdout.write(f"OK: {count} rows, chain intact")

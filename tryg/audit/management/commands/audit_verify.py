"""`manage.py audit_verify`: walk every access-log chain (one per municipality) and check each link, each hash
and each signed checkpoint (with the public keys of TRYG_AUDIT_VERIFY_KEYS and the signing key's own).
`--checkpoints FILE` adds checkpoints kept outside the database (JSON lines, as the coordinator downloads them),
so removing checkpoints from the database does not hide a rewrite."""

import json

from django.core.management.base import BaseCommand, CommandError

from tryg.audit.models import AuditCheckpoint, AuditEvent
from tryg.audit.services import audit_verify


class Command(BaseCommand):
    help = "Verify the access log's chains and signed checkpoints. Exit 0 when intact, 1 listing the problems."

    def add_arguments(self, parser):
        parser.add_argument("--checkpoints", action="append", default=[], help="A JSON-lines file of checkpoints.")

    def handle(self, *args, **options):
        external = []
        for path in options["checkpoints"]:
            with open(path, encoding="utf-8") as handle:
                external.extend(json.loads(line) for line in handle if line.strip())
        ok, problems = audit_verify(external_checkpoints=external)
        if not ok:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"FAILED: {len(problems)} problem(s) in the access log chain", returncode=1)
        count = AuditEvent.objects.count()
        checkpoints = AuditCheckpoint.objects.count() + len(external)
        chains = AuditEvent.objects.order_by().values("chain").distinct().count()
        self.stdout.write(f"OK: {count} rows, chain intact ({chains} chain(s), {checkpoints} signed checkpoint(s))")

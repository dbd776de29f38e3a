"""`manage.py audit_checkpoint`: sign the head of every access-log chain that moved (run daily, e.g. from cron:
`30 0 * * * cd /srv/tryg && .venv/bin/python manage.py audit_checkpoint`). Needs TRYG_AUDIT_SIGNING_KEY.
`--generate-key` prints a new key pair instead (the private key for the signing job's environment, the public
key for TRYG_AUDIT_VERIFY_KEYS wherever `audit_verify` runs)."""

from django.core.management.base import BaseCommand, CommandError

from tryg.audit import signing
from tryg.audit.services import audit_checkpoint


class Command(BaseCommand):
    help = "Sign each access-log chain's head with the Ed25519 key from TRYG_AUDIT_SIGNING_KEY."

    def add_arguments(self, parser):
        parser.add_argument("--generate-key", action="store_true", help="Print a new key pair and exit.")

    def handle(self, *args, **options):
        if options["generate_key"]:
            private, public = signing.generate_key()
            self.stdout.write(f"TRYG_AUDIT_SIGNING_KEY={private}\nTRYG_AUDIT_VERIFY_KEYS={public}")
            return
        try:
            made = audit_checkpoint()
        except RuntimeError as exc:
            raise CommandError(str(exc)) from None
        for checkpoint in made:
            self.stdout.write(f"signed chain {checkpoint.chain}: {checkpoint.rows} rows, head row {checkpoint.last_id}")
        self.stdout.write(f"OK: {len(made)} checkpoint(s) written")

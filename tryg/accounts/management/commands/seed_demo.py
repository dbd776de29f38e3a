"""Load the demo data (idempotent). Only in demo mode (TRYG_DEMO=1).

Each app contributes its demo content by registering its `demo_seed()` with
`tryg.accounts.registry.register_demo_seeder` in its AppConfig.ready(); they run in their order.
"""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tryg.accounts.demo import CAST, DEMO_PASSWORD, ensure_demo_org
from tryg.accounts.registry import demo_seeders
from tryg.demo_otp import DEMO_TOTP_SECRET, code_for


class Command(BaseCommand):
    help = "Create the demo municipality, the demo users and demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--print-only", action="store_true", help="Only print the demo accounts.")

    def handle(self, *args, print_only=False, **options):
        if not settings.DEMO:
            raise CommandError("Demo data is only loaded with TRYG_DEMO=1.")
        if not print_only:
            users = ensure_demo_org()
            for seeder in demo_seeders():
                seeder.seed(users=users)
            self.stdout.write(self.style.SUCCESS("Demo data is in place."))
            return
        self.stdout.write("")
        # The address `make run` serves (it passes PORT on; 8000 unless set).
        port = os.environ.get("PORT", "").strip() or "8000"
        self.stdout.write(f"Tryg demo – http://127.0.0.1:{port}/app/")
        self.stdout.write(f"  Users:    {', '.join(CAST)}")
        self.stdout.write(f"  Password: {DEMO_PASSWORD}")
        self.stdout.write(f"  TOTP secret (base32): {DEMO_TOTP_SECRET}")
        self.stdout.write(
            f"  Current code: {code_for(DEMO_TOTP_SECRET)}  (new code every 30 s: python -m tryg.demo_otp)"
        )
        self.stdout.write("")

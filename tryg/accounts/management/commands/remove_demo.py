"""Delete the demo accounts (is_demo) so the service can start with demo mode off."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError, RestrictedError

from tryg.accounts.models import User
from tryg.accounts.services import demo_users_delete


class Command(BaseCommand):
    help = "Delete every demo account (is_demo=True). Run this before starting a production instance."

    def add_arguments(self, parser):
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, yes=False, **options):
        names = list(User.objects.filter(is_demo=True).order_by("username").values_list("username", flat=True))
        if not names:
            self.stdout.write("No demo accounts.")
            return
        self.stdout.write(f"Demo accounts: {', '.join(names)}")
        if not yes and input("Delete them? Type 'yes': ").strip().lower() != "yes":
            raise CommandError("Nothing deleted.")
        try:
            deleted = demo_users_delete()
        except (ProtectedError, RestrictedError) as exc:
            raise CommandError(
                "Demo accounts are still referenced by other data (e.g. demo cases); nothing deleted. "
                f"Start from a fresh database instead. ({exc.__class__.__name__})"
            )
        self.stdout.write(self.style.SUCCESS(f"Deleted {len(deleted)} demo accounts."))

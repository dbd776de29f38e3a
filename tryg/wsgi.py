import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tryg.settings")
application = get_wsgi_application()

# Refuse to serve while demo accounts exist outside demo mode (gunicorn does not run system checks).
from tryg.accounts.checks import demo_accounts_only_in_demo_mode  # noqa: E402

_errors = demo_accounts_only_in_demo_mode(None)
if _errors:
    raise SystemExit(f"Tryg refuses to start: {_errors[0].msg}. {_errors[0].hint}")

"""Demo content of the knowledge base (run by `manage.py seed_demo`; idempotent)."""

from tryg.accounts.models import Municipality

from .content import load_municipal_content, load_national_content


def demo_seed(*, users) -> None:
    load_national_content(owner=users.get("admin"))
    aalborg = Municipality.objects.filter(code="851").first()
    if aalborg is not None:
        load_municipal_content(aalborg, owner=users.get("tovholder"))

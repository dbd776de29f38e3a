"""Recompute every person's search tokens, e.g. after SECRET_KEY (the key of the tokens) has changed.

    manage.py refresh_search_tokens

Names and CPR numbers are encrypted; searches match keyed hashes of them (cases/identity.py). A new key makes
every stored hash useless until this has run. Persons are read and rewritten in batches.
"""

from django.core.management.base import BaseCommand

from tryg.cases.models import Person
from tryg.cases.services import person_refresh_tokens

BATCH = 500


class Command(BaseCommand):
    help = "Recompute the keyed search tokens of every person (after a change of SECRET_KEY)."

    def handle(self, *args, **options):
        count = 0
        last = None
        while True:
            batch = Person.objects.filter(anonymised_at__isnull=True).order_by("pk")
            if last is not None:
                batch = batch.filter(pk__gt=last)
            persons = list(batch[:BATCH])
            if not persons:
                break
            for person in persons:
                person_refresh_tokens(person)
            count += len(persons)
            last = persons[-1].pk
        self.stdout.write(f"{count} persons re-indexed.")

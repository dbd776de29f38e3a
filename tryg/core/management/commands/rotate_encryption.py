"""Re-encrypt every encrypted column with the first key of TRYG_ENCRYPTION_KEYS."""

from django.core.management.base import BaseCommand
from django.db import transaction

from tryg.core.fields import encrypted_models_fields, rotate


class Command(BaseCommand):
    help = "Re-encrypt all encrypted columns with the current (first) key."

    def handle(self, *args, **options):
        total = 0
        for model, names in encrypted_models_fields():
            table = model._meta.db_table
            columns = [model._meta.get_field(n).column for n in names]
            pk = model._meta.pk.column
            from django.db import connection

            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT {pk}, {', '.join(columns)} FROM {table}")  # noqa: S608
                    rows = cursor.fetchall()
                    for row in rows:
                        values = [rotate(v) if v else v for v in row[1:]]
                        sets = ", ".join(f"{c} = %s" for c in columns)
                        cursor.execute(f"UPDATE {table} SET {sets} WHERE {pk} = %s", [*values, row[0]])  # noqa: S608
                        total += 1
            self.stdout.write(f"{model._meta.label}: {len(rows)} rows")
        self.stdout.write(self.style.SUCCESS(f"Re-encrypted {total} rows."))

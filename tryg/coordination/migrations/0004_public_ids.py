"""Non-sequential public ids for messages, agenda items and actor referrals (filled for existing rows): the row id
never leaves the database, so its gaps cannot hint at activity in other municipalities of the region."""

import uuid

from django.db import migrations, models

MODELS = ("message", "agendaitem", "actorreferral")


def fill_public_ids(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("coordination", name)
        rows = list(model.objects.filter(public_id__isnull=True).only("pk"))
        for row in rows:
            row.public_id = uuid.uuid4()
        model.objects.bulk_update(rows, ["public_id"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("coordination", "0003_queue_rank")]

    operations = [
        *(migrations.AddField(name, "public_id", models.UUIDField(null=True, editable=False)) for name in MODELS),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
        *(
            migrations.AlterField(
                name, "public_id", models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
            )
            for name in MODELS
        ),
    ]

"""Non-sequential public ids for timeline entries, tasks and referrals (filled for existing rows), and the
name rule (no control or bidirectional override characters) on persons and related persons."""

import uuid

import tryg.core.fields
import tryg.core.text
from django.db import migrations, models

MODELS = ("timelineentry", "task", "referral")


def fill_public_ids(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("cases", name)
        rows = list(model.objects.filter(public_id__isnull=True).only("pk"))
        for row in rows:
            row.public_id = uuid.uuid4()
        model.objects.bulk_update(rows, ["public_id"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_person_search_tokens")]

    operations = [
        *(migrations.AddField(name, "public_id", models.UUIDField(null=True, editable=False)) for name in MODELS),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
        *(
            migrations.AlterField(
                name, "public_id", models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
            )
            for name in MODELS
        ),
        migrations.AlterField(
            model_name="person",
            name="name",
            field=tryg.core.fields.EncryptedCharField(
                max_length=200, validators=[tryg.core.text.validate_name], verbose_name="navn"
            ),
        ),
        migrations.AlterField(
            model_name="relatedperson",
            name="name",
            field=tryg.core.fields.EncryptedCharField(
                max_length=200, validators=[tryg.core.text.validate_name], verbose_name="navn"
            ),
        ),
    ]

"""The consultants' queue in index order: `queue_rank` is a stored generated column (the database computes it from
`urgency` for existing rows when it is added, and on every write after), and each form of the queue (region or
municipality; open, one status, all) gets an index in queue order (rank, created_at, id). The old (region, status,
-created_at) index is covered by the (region, status, ...) one."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0002_national_actors"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="consultation",
            name="consult_region_status",
        ),
        migrations.AddField(
            model_name="consultation",
            name="queue_rank",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Case(
                    models.When(then=models.Value(0), urgency="acute"),
                    models.When(then=models.Value(1), urgency="urgent"),
                    default=models.Value(2),
                    output_field=models.SmallIntegerField(),
                ),
                output_field=models.SmallIntegerField(),
            ),
        ),
        migrations.AddIndex(
            model_name="consultation",
            index=models.Index(
                condition=models.Q(("status", "closed"), _negated=True),
                fields=["region", "queue_rank", "created_at", "id"],
                name="consult_queue_open",
            ),
        ),
        migrations.AddIndex(
            model_name="consultation",
            index=models.Index(
                fields=["region", "status", "queue_rank", "created_at", "id"], name="consult_queue_status"
            ),
        ),
        migrations.AddIndex(
            model_name="consultation",
            index=models.Index(fields=["region", "queue_rank", "created_at", "id"], name="consult_queue_all"),
        ),
        migrations.AddIndex(
            model_name="consultation",
            index=models.Index(
                condition=models.Q(("status", "closed"), _negated=True),
                fields=["municipality", "queue_rank", "created_at", "id"],
                name="consult_queue_m_open",
            ),
        ),
        migrations.AddIndex(
            model_name="consultation",
            index=models.Index(
                fields=["municipality", "status", "queue_rank", "created_at", "id"], name="consult_queue_m_status"
            ),
        ),
        migrations.AddIndex(
            model_name="consultation",
            index=models.Index(fields=["municipality", "queue_rank", "created_at", "id"], name="consult_queue_m_all"),
        ),
    ]

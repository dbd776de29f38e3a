"""The law register: repeal date, one or more successors, who verified a provision and when."""

from django.db import migrations, models


def copy_successor(apps, schema_editor):
    Entry = apps.get_model("knowledge", "Entry")
    for entry in Entry.objects.exclude(superseded_by="").only("pk", "superseded_by"):
        Entry.objects.filter(pk=entry.pk).update(successors=[entry.superseded_by])


def copy_back(apps, schema_editor):
    Entry = apps.get_model("knowledge", "Entry")
    for entry in Entry.objects.only("pk", "successors"):
        if entry.successors:
            Entry.objects.filter(pk=entry.pk).update(superseded_by=entry.successors[0])


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_search_stems")]

    operations = [
        migrations.AddField(
            model_name="entry",
            name="repealed_on",
            field=models.DateField(
                blank=True,
                help_text="Den dag, bestemmelsen blev (eller bliver) ophævet.",
                null=True,
                verbose_name="ophævet den",
            ),
        ),
        migrations.AddField(
            model_name="entry",
            name="successors",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="De opslag, der har afløst bestemmelsen – én eller flere, den vigtigste først.",
                verbose_name="afløst af (slugs)",
            ),
        ),
        migrations.AddField(
            model_name="entry",
            name="verified_by",
            field=models.CharField(
                blank=True,
                help_text="Hvem der har kontrolleret henvisningen mod kilden.",
                max_length=200,
                verbose_name="verificeret af",
            ),
        ),
        migrations.AddField(
            model_name="entry",
            name="verified_on",
            field=models.DateField(blank=True, null=True, verbose_name="verificeret den"),
        ),
        migrations.RunPython(copy_successor, copy_back, elidable=False),
        migrations.RemoveField(model_name="entry", name="superseded_by"),
        migrations.AlterField(
            model_name="entry",
            name="superseded_by_text",
            field=models.CharField(
                blank=True,
                help_text="Kort beskrivelse af, hvad der afløste bestemmelsen, fx »Barnets lov §§ 18–23 (især § 20)«.",
                max_length=200,
                verbose_name="afløst af (tekst)",
            ),
        ),
    ]

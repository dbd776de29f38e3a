from django.db import migrations


def load(apps, schema_editor):
    from tryg.coordination.national_actors import NATIONAL_ACTORS

    Actor = apps.get_model("coordination", "Actor")
    for data in NATIONAL_ACTORS:
        data = dict(data)
        slug = data.pop("slug")
        Actor.objects.update_or_create(slug=slug, municipality=None, defaults=data)


def unload(apps, schema_editor):
    from tryg.coordination.national_actors import NATIONAL_ACTORS

    Actor = apps.get_model("coordination", "Actor")
    Actor.objects.filter(municipality=None, slug__in=[a["slug"] for a in NATIONAL_ACTORS]).delete()


class Migration(migrations.Migration):
    dependencies = [("coordination", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]

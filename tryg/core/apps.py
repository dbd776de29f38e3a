from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tryg.core"
    label = "core"
    verbose_name = "Tryg core"

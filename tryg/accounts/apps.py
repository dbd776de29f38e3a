from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tryg.accounts"
    label = "accounts"
    verbose_name = "Konti"

    def ready(self) -> None:
        from . import signals  # noqa: F401

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "tryg.audit"
    label = "audit"
    verbose_name = "Adgangslog"

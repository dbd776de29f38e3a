from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tryg.cases"
    label = "cases"

from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "tryg.knowledge"
    label = "knowledge"

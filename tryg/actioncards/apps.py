from django.apps import AppConfig


class ActioncardsConfig(AppConfig):
    name = "tryg.actioncards"
    label = "actioncards"

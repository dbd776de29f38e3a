"""The authentication backend: Django's ModelBackend, loading the signed-in user with their municipality.

Every staff page shows the municipality in its header and most access rules read it (a consultant's region), so
the user is read with it in one query per request instead of two."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        user = get_user_model()._default_manager.select_related("municipality").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

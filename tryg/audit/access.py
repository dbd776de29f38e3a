"""Who may read the access log. Everyone else gets 404, so the page's existence does not leak."""

from django.http import Http404

from tryg.accounts.models import Role

LOG_READERS = (Role.TOVHOLDER, Role.ADMINISTRATOR)
# A person's own access history (indsigt) is handled by the coordinator.
HISTORY_EXPORTERS = (Role.TOVHOLDER,)


def can_search_log(user) -> bool:
    return bool(user.is_authenticated and user.municipality_id and user.has_role(*LOG_READERS))


def can_export_subject_history(user) -> bool:
    return bool(user.is_authenticated and user.municipality_id and user.has_role(*HISTORY_EXPORTERS))


def require_log_search(user) -> None:
    if not can_search_log(user):
        raise Http404


def require_subject_export(user) -> None:
    if not can_export_subject_history(user):
        raise Http404

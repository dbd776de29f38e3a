"""Who may read the access log. Everyone else gets 404, so the page's existence does not leak.

Names in the log. The coordinator (tovholder) controls the municipality's use of personal data and answers a
person's request for their access history, so the log names the persons of the own municipality for them:
rows show the case number and the person's name, and they may search by name or CPR number. The administrator
reads the log to look after users and units: they see case numbers and staff, never a person's name, and have
no person search (a name search would tell them whether someone has a case). Rows about data of another
municipality (a consultant working elsewhere) are never named. Every other role gets 404 for every log page.
"""

from django.http import Http404

from tryg.accounts.models import Role

LOG_READERS = (Role.TOVHOLDER, Role.ADMINISTRATOR)
# Who sees the names of the persons in the rows (and may search by person).
NAME_READERS = (Role.TOVHOLDER,)
# A person's own access history (indsigt) is handled by the coordinator.
HISTORY_EXPORTERS = (Role.TOVHOLDER,)


def can_search_log(user) -> bool:
    return bool(user.is_authenticated and user.municipality_id and user.has_role(*LOG_READERS))


def can_see_names(user) -> bool:
    return can_search_log(user) and user.has_role(*NAME_READERS)


def can_export_subject_history(user) -> bool:
    return bool(user.is_authenticated and user.municipality_id and user.has_role(*HISTORY_EXPORTERS))


def require_log_search(user) -> None:
    if not can_search_log(user):
        raise Http404


def require_subject_export(user) -> None:
    if not can_export_subject_history(user):
        raise Http404

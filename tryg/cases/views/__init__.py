"""Pages of the cases app: thin adapters over `access`, `selectors` and `services`, one module per topic
(the same topics as `services/` and `api/`). Every concern and case is fetched through access.py, and each
view writes its own access-log row where it shows personal data."""

from ..selectors import QUEUE_PAGE, TASKS_PAGE

__all__ = ["QUEUE_PAGE", "TASKS_PAGE"]

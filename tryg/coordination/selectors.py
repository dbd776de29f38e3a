"""Every read of the coordination app across relations: the queue, a consultation's thread, counts, the
directory, meetings and the referral inbox. No writes, no audit rows (the view that shows data logs the read)."""

from .models import Consultation, Message


def thread(consultation: Consultation) -> list[Message]:
    """The consultation's messages in time order (authors loaded)."""
    return list(consultation.messages.select_related("author").order_by("created_at", "id"))

"""Transactional tests lift the SQLite triggers for the table flush; the next test has them back."""

import pytest
from django.db import DatabaseError, transaction

from tryg.audit.models import Action
from tryg.audit.services import audit_record

pytestmark = pytest.mark.xdist_group("audit-flush")


def test_it_flushes_a_transactional_test_with_log_rows(transactional_db):
    from django.db import connection

    from tryg.audit.models import AuditEvent

    audit_record(actor=None, action=Action.VIEW, obj=("cases.case", "1"))
    audit_record(actor=None, action=Action.VIEW, obj=("cases.case", "2"))
    # The rows are committed (no test transaction to roll back), so the flush after this test must delete
    # them past the append-only triggers; the next test proves the triggers are back.
    assert not connection.in_atomic_block
    assert AuditEvent.objects.filter(object_type="cases.case", object_id__in=["1", "2"]).count() == 2


def test_it_has_the_append_only_triggers_back_afterwards(db):
    row = audit_record(actor=None, action=Action.VIEW, obj=("cases.case", "3"))
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        type(row).objects.filter(pk=row.pk).delete()

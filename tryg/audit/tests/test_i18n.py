"""The access log's English catalogue is compiled and covers the page's labels."""

from django.utils import translation

from tryg.audit.forms import AuditSearchForm
from tryg.audit.models import Action


def test_it_translates_the_labels_to_english(db):
    with translation.override("en"):
        form = AuditSearchForm(municipality_id=None, kinds=("case", "person"), names=True)
        assert str(form.fields["date_from"].label) == "From date"
        assert str(form.fields["case_number"].label) == "Case number"
        assert str(form.fields["user"].label) == "Staff member"
        assert str(Action.EXPORT.label) == "Export"
        assert str(Action.REFUSED.label) == "Access refused"
        assert (
            translation.ngettext("%(counter)s registrering", "%(counter)s registreringer", 3) % {"counter": 3}
            == "3 entries"
        )
    with translation.override("da"):
        assert str(AuditSearchForm(municipality_id=None).fields["date_from"].label) == "Fra dato"

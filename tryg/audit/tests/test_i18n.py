"""The access log's English catalogue is compiled and covers the page's labels."""

from django.utils import translation

from tryg.audit.forms import AuditSearchForm
from tryg.audit.models import Action


def test_it_translates_the_labels_to_english():
    with translation.override("en"):
        form = AuditSearchForm()
        assert str(form.fields["date_from"].label) == "From date"
        assert str(form.fields["subject_id"].label) == "Data subject id"
        assert str(Action.EXPORT.label) == "Export"
        assert (
            translation.ngettext("%(counter)s registrering", "%(counter)s registreringer", 3) % {"counter": 3}
            == "3 entries"
        )
    with translation.override("da"):
        assert str(AuditSearchForm().fields["date_from"].label) == "Fra dato"

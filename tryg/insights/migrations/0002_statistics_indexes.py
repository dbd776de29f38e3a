"""Indexes for the statistics' aggregates on the source apps' tables (the queries of `insights.indicators`).

They live here, with the only reader that needs them, as plain SQL that SQLite and PostgreSQL both take; the source
apps' models do not declare them, so their migrations stay their own. Each serves a range over one municipality's
(or a region's) rows of one period, which the aggregates then count from the index:

- concerns by municipality and received time (every concern table, the trend, the clocks and their medians);
- cases by municipality and closed time (cases closed by outcome), and by person and opened time (repeats within
  12 months: the earlier case of the same person);
- signed risk assessments by signed time (risk levels);
- consultations by municipality and created time (the coordinator's consultation figures; the region's use
  coordination's own region index);
- citizen threads by created time.
"""

from django.db import migrations

INDEXES = [
    ("ins_concern_muni_received", "cases_concern", "municipality_id, received_at"),
    ("ins_case_muni_closed", "cases_case", "municipality_id, closed_at"),
    ("ins_case_person_opened", "cases_case", "person_id, opened_at"),
    ("ins_assessment_signed", "risk_assessment", "status, signed_at"),
    ("ins_consult_muni_created", "coordination_consultation", "municipality_id, created_at"),
    ("ins_thread_created", "public_thread", "created_at"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_initial"),
        ("cases", "0008_merge_0007_contact_party_0007_speed_indexes"),
        ("risk", "0002_assessment_consultation"),
        ("coordination", "0002_national_actors"),
        ("public", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {name} ON {table} ({columns})",
            reverse_sql=f"DROP INDEX {name}",
        )
        for name, table, columns in INDEXES
    ]

"""Query counts do not grow with the data: the case page with its risk panels, the risk page, an assessment,
the safety plan, the reassessment list and the start page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.cases import services as case_services
from tryg.core.testing import assert_flat_queries
from tryg.risk import services

from .helpers import make_case, signed_checklist

pytestmark = pytest.mark.django_db


def test_the_case_and_risk_pages_cost_the_same_with_more_assessments_and_plans(cast, clients):
    case = make_case(cast)

    def data(n):
        for _ in range(n):
            signed_checklist(cast, case, yes=5)
            services.safety_plan_save(
                actor=cast["sagsbehandler"],
                case=case,
                data=services.PlanData(
                    escalation="112", contacts="114", review_date=timezone.localdate() + timedelta(days=5)
                ),
            )

    for url in (
        reverse("cases:case-detail", args=[case.pk]),
        reverse("risk:case", args=[case.pk]),
        reverse("risk:safety-plan", args=[case.pk]),
    ):
        assert_flat_queries(data, lambda url=url: clients["konsulent"].get(url), small=1, large=4)


def test_the_reassessment_list_and_start_page_cost_the_same_with_more_cases(cast, clients):
    def data(n):
        for i in range(n):
            case = make_case(cast, name=f"Budget Barn {i}", sibling=False)
            signed_checklist(cast, case)
            case_services.entry_add(actor=cast["sagsbehandler"], case=case, kind="incident", text="Episode.")

    assert_flat_queries(data, lambda: clients["konsulent"].get(reverse("core:start")), small=1, large=4)
    assert_flat_queries(
        lambda n: data(n), lambda: clients["konsulent"].get(reverse("risk:reassessment")), small=1, large=3, slack=0
    )

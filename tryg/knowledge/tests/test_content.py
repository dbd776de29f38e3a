"""The seed content: enough of each kind, links that resolve, idempotent loading."""

from collections import Counter

import pytest

from tryg.knowledge.content import load_municipal_content, load_national_content
from tryg.knowledge.demo import demo_seed
from tryg.knowledge.models import Entry, EntryLink
from tryg.knowledge.selectors import entries_by_slugs, visible_entries, warning_signs


@pytest.mark.django_db
def test_the_national_content_covers_every_kind():
    created = load_national_content()

    kinds = Counter(e.kind for e in created)
    assert kinds["warning_sign"] >= 30
    assert kinds["legal_provision"] >= 12
    assert kinds["tool"] >= 6
    assert kinds["contact"] >= 5
    groups = {e.group for e in created if e.kind == "warning_sign"}
    assert len(groups) >= 5
    assert all(e.target_groups for e in created if e.kind == "warning_sign")
    assert all(e.is_current and e.version == 1 for e in created)


@pytest.mark.django_db
def test_it_has_the_required_provisions_and_contacts():
    load_national_content()
    labels = {e.provision_label for e in Entry.objects.filter(kind="legal_provision")}
    for label in [
        "Barnets lov § 15, stk. 3",
        "Barnets lov § 18, stk. 3",
        "Barnets lov § 133",
        "Barnets lov § 136",
        "Barnets lov § 137",
        "Serviceloven § 12 a",
        "Serviceloven § 12 c",
        "Straffeloven § 243",
        "Straffeloven § 260, stk. 1",
        "Straffeloven § 260, stk. 2",
        "Straffeloven § 260 a",
        "Straffeloven § 94, stk. 4",
        "Forvaltningsloven § 27",
        "Serviceloven § 50",
    ]:
        assert label in labels
    old = Entry.objects.get(slug="serviceloven-50")
    assert old.label_with_replacement == "Serviceloven § 50 (erstattet af Barnets lov §§ 18–23 (især § 20))"
    assert old.successors == ["barnets-lov-20", "barnets-lov-18"] and str(old.repealed_on) == "2024-01-01"
    assert Entry.objects.get(slug="politiet-112").phone == "112"


@pytest.mark.django_db
def test_every_link_points_at_an_entry_that_exists(cast):
    demo_seed(users={"admin": cast["admin"], "tovholder": cast["tovholder"]})
    aalborg = cast["fagperson"].municipality
    targets = set(EntryLink.objects.values_list("target_slug", flat=True))
    superseding = {
        slug for succ in Entry.objects.exclude(successors=[]).values_list("successors", flat=True) for slug in succ
    }

    found = entries_by_slugs(aalborg, targets | superseding)

    assert targets | superseding <= set(found)


@pytest.mark.django_db
def test_the_slugs_the_action_cards_cite_exist(cast):
    demo_seed(users={"admin": cast["admin"], "tovholder": cast["tovholder"]})
    cited = [
        "barnets-lov-133",
        "barnets-lov-18",
        "serviceloven-12a",
        "serviceloven-12c",
        "politiet-112",
        "etnisk-ung",
        "red-safehouse",
        "sikkerhedskonsulenterne-nordjylland",
    ]
    assert set(entries_by_slugs(cast["fagperson"].municipality, cited)) == set(cited)


@pytest.mark.django_db
def test_the_demo_seed_is_idempotent(cast):
    users = {"admin": cast["admin"], "tovholder": cast["tovholder"]}
    demo_seed(users=users)
    first = list(Entry.objects.order_by("pk").values())
    demo_seed(users=users)
    assert list(Entry.objects.order_by("pk").values()) == first
    assert load_municipal_content(cast["outsider"].municipality) == []


@pytest.mark.django_db
def test_warning_signs_are_ordered_by_group_then_title(cast):
    load_national_content()
    signs = list(warning_signs(cast["fagperson"].municipality))
    assert [(s.group, s.title) for s in signs] == sorted((s.group, s.title) for s in signs)
    assert len(signs) == visible_entries(None).filter(kind="warning_sign").count()


@pytest.mark.django_db
def test_entries_by_slugs_uses_at_most_two_queries(cast, django_assert_max_num_queries):
    load_national_content()
    with django_assert_max_num_queries(2):
        found = entries_by_slugs(cast["fagperson"].municipality, ["serviceloven-50", "barnets-lov-133", "nope"])
        labels = {slug: e.replacement_label for slug, e in found.items()}
    assert labels == {"serviceloven-50": "Barnets lov §§ 18–23 (især § 20)", "barnets-lov-133": ""}

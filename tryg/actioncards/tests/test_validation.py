"""Cards are validated on import and save: every problem is rejected with a Danish message naming the node."""

import pytest
import yaml

from tryg.actioncards.graph import CardError, dump_card, load_card, parse_yaml, validate_document

from .helpers import SMALL_CARD, chain_card


def _doc(**changes):
    data = yaml.safe_load(SMALL_CARD)
    data.update(changes)
    return data


def _nodes():
    return yaml.safe_load(SMALL_CARD)["nodes"]


def _errors(data) -> list[str]:
    with pytest.raises(CardError) as info:
        validate_document(data)
    return info.value.messages


def test_it_accepts_a_valid_card_and_normalises_it():
    doc = load_card(SMALL_CARD)
    assert doc.slug == "lille-kort"
    assert doc.graph["start"] == "q1"
    ids = [n["id"] for n in doc.graph["nodes"]]
    assert ids == ["q1", "i1", "q2", "slut-akut", "slut-underret", "slut-ro"]
    ro = doc.graph["nodes"][-1]
    assert ro["actions"] == [] and ro["contacts"] == [] and ro["create_concern"] is False


def test_it_rejects_an_unreachable_node_by_name():
    nodes = _nodes() + [{"id": "glemt", "kind": "outcome", "title": "Glemt", "text": "Ingen fører hertil."}]
    assert _errors(_doc(nodes=nodes)) == ['Punktet "glemt" kan ikke nås fra startpunktet.']


def test_it_rejects_a_dangling_option_target_naming_node_and_option():
    nodes = _nodes()
    nodes[0]["options"][1]["next"] = "findes-ikke"
    errors = _errors(_doc(nodes=nodes))
    assert 'Svarmuligheden "nej" i spørgsmålet "q1" fører til "findes-ikke", som ikke findes.' in errors


def test_it_rejects_a_dangling_instruction_target():
    nodes = _nodes()
    nodes[1]["next"] = "vaek"
    assert 'Instruktionen "i1" fører til "vaek", som ikke findes.' in _errors(_doc(nodes=nodes))


def test_it_rejects_a_cycle_and_shows_the_path():
    nodes = _nodes()
    nodes[2]["options"][1]["next"] = "q1"  # q2 "nej" leads back to the start
    errors = _errors(_doc(nodes=nodes))
    assert any('Punktet "q1" fører i ring (q1 → i1 → q2 → q1)' in e for e in errors), errors


def test_it_rejects_a_path_that_does_not_end_at_an_outcome():
    nodes = _nodes()
    del nodes[1]["next"]
    assert 'Instruktionen "i1" fører ingen steder hen (mangler "next").' in _errors(_doc(nodes=nodes))
    nodes = _nodes()
    nodes[2]["options"] = [nodes[2]["options"][0]]
    assert 'Spørgsmålet "q2" skal have mindst to svarmuligheder.' in _errors(_doc(nodes=nodes))


def test_it_rejects_an_unknown_node_kind():
    nodes = _nodes()
    nodes[1]["kind"] = "besked"
    errors = _errors(_doc(nodes=nodes))
    assert errors[0] == 'Punktet "i1" har en ukendt type "besked" (brug question, instruction eller outcome).'


def test_it_rejects_duplicate_ids():
    nodes = _nodes()
    nodes.append(dict(nodes[3]))
    assert 'Punktet "slut-akut" findes flere gange (id\'er skal være unikke).' in _errors(_doc(nodes=nodes))


def test_it_rejects_duplicate_option_ids_within_a_question():
    nodes = _nodes()
    nodes[0]["options"][1]["id"] = "ja"
    assert 'Spørgsmålet "q1" har svarmuligheden "ja" flere gange.' in _errors(_doc(nodes=nodes))


def test_it_rejects_missing_texts_naming_the_node():
    nodes = _nodes()
    nodes[0]["text"] = "  "
    nodes[1]["text"] = ""
    del nodes[3]["title"]
    nodes[4]["options"] = None
    del nodes[5]["text"]
    nodes[2]["options"][0]["label"] = ""
    errors = _errors(_doc(nodes=nodes))
    assert 'Spørgsmålet "q1" mangler tekst.' in errors
    assert 'Instruktionen "i1" mangler tekst.' in errors
    assert 'Resultatet "slut-akut" mangler en overskrift.' in errors
    assert 'Resultatet "slut-ro" mangler tekst.' in errors
    assert 'Svarmuligheden "ja" i spørgsmålet "q2" mangler tekst.' in errors
    assert 'Punktet "slut-underret" har et ukendt felt "options".' in errors


def test_it_rejects_a_missing_start_and_bad_card_fields():
    errors = _errors(_doc(start="ukendt", slug="Ikke Et Slug", title="", target_group="alle", extra=1))
    assert 'Startpunktet "ukendt" findes ikke.' in errors
    assert 'Handlekortet mangler et gyldigt "slug" (små bogstaver, tal og bindestreg).' in errors
    assert 'Handlekortet mangler en titel ("title", højst 200 tegn).' in errors
    assert "Handlekortets målgruppe skal være child, adult eller all." in errors
    assert 'Handlekortet har et ukendt felt "extra".' in errors


def test_it_rejects_nodes_without_ids_and_wrong_types():
    errors = _errors(_doc(nodes=[{"kind": "outcome"}, "tekst"], start="x"))
    assert "Punkt nr. 1 mangler et gyldigt id (små bogstaver, tal, - og _)." in errors
    assert "Punkt nr. 2 er ikke udfyldt som et punkt med felter." in errors
    nodes = _nodes()
    nodes[3]["create_concern"] = "ja"
    nodes[3]["contacts"] = "politiet"
    errors = _errors(_doc(nodes=nodes))
    assert 'Feltet "create_concern" i resultatet "slut-akut" skal være true eller false.' in errors
    assert any('Feltet "contacts" i resultatet "slut-akut"' in e for e in errors)


def test_it_checks_knowledge_slugs_only_when_a_checker_is_given():
    nodes = _nodes()
    nodes[4]["contacts"] = ["politiet-112", "ukendt-kontakt"]
    nodes[4]["provisions"] = ["barnets-lov-999"]
    assert validate_document(_doc(nodes=nodes), known_slugs=None)
    errors = _errors_with(_doc(nodes=nodes), lambda slugs: {"politiet-112"})
    assert errors == [
        'Resultatet "slut-underret" henviser til kontakten "ukendt-kontakt", som ikke findes i hjælperedskabet.',
        'Resultatet "slut-underret" henviser til bestemmelsen "barnets-lov-999", som ikke findes i hjælperedskabet.',
    ]


def _errors_with(data, checker):
    with pytest.raises(CardError) as info:
        validate_document(data, known_slugs=checker)
    return info.value.messages


def test_it_reports_invalid_yaml_with_the_line():
    with pytest.raises(CardError) as info:
        parse_yaml("slug: a\nnodes:\n  - id: x\n   kind: [unclosed\n")
    (message,) = info.value.messages
    assert message.startswith("Teksten er ikke gyldig YAML (linje ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "Der er ikke noget indhold. Indsæt et handlekort i YAML."),
        ("- en\n- liste\n", "Et handlekort skal være en samling af felter"),
        ("a: &x [1, 2]\nb: *x\n", "henvisninger (aliaser) er ikke tilladt"),
        (b"\xff\xfe", "Filen er ikke en tekstfil i UTF-8."),
        ("x: " + "a" * (300 * 1024), "Teksten er for lang"),
    ],
)
def test_it_rejects_unusable_documents_with_a_clear_message(text, expected):
    with pytest.raises(CardError) as info:
        load_card(text)
    assert expected in info.value.messages[0]


def test_it_round_trips_yaml_unchanged():
    doc = load_card(SMALL_CARD)
    text = dump_card(slug=doc.slug, title=doc.title, target_group=doc.target_group, graph=doc.graph)
    again = load_card(text)
    assert again == doc
    assert dump_card(slug=again.slug, title=again.title, target_group=again.target_group, graph=again.graph) == text


def test_it_accepts_a_large_generated_card():
    doc = load_card(chain_card(100))
    assert len(doc.graph["nodes"]) == 201

"""The succession from serviceloven to barnets lov (1 January 2024), as data.

Barnets lov (lov nr. 721 af 13. juni 2023) took the rules on children and young people out of serviceloven
on 1 January 2024; since then serviceloven covers persons over 18. Each row: the repealed paragraph, what it
was about, its successor(s) in barnets lov (slugs in the register, the main one first), a short text for
the successor, whether the pairing is confirmed by a source read for this content, and that source.

The repealed provisions are seeded from this table with `repealed_on`, their successors and a link to the
last consolidation of serviceloven that still held them (LBK nr 1089 af 16/08/2023).
"""

import datetime

from . import sources as src

REPEALED_ON = datetime.date(2024, 1, 1)
SERVICELOVEN_START = datetime.date(1998, 7, 1)  # lov nr. 454 af 10/06/1997; the date is not confirmed here
OVERGREBSPAKKEN_START = datetime.date(2013, 10, 1)  # §§ 155 a-b; the date is not confirmed here

# (old paragraph, slug, title, in force from, successor slugs, successor text, confirmed, evidence)
SUCCESSION = [
    (
        "§ 50",
        "serviceloven-50",
        "Børnefaglig undersøgelse",
        SERVICELOVEN_START,
        ["barnets-lov-20", "barnets-lov-18"],
        "Barnets lov §§ 18–23 (især § 20)",
        True,
        src.BARNETS_LOV_GUIDANCE,
    ),
    (
        "§ 153",
        "serviceloven-153",
        "Skærpet underretningspligt for offentligt ansatte",
        SERVICELOVEN_START,
        ["barnets-lov-133"],
        "Barnets lov § 133",
        True,
        src.L95_2023_ANSWER_11,
    ),
    (
        "§ 154",
        "serviceloven-154",
        "Alle borgeres underretningspligt",
        SERVICELOVEN_START,
        ["barnets-lov-135"],
        "Barnets lov § 135",
        True,
        src.SEL_154_NOW_135,
    ),
    (
        "§ 155",
        "serviceloven-155",
        "Kommunens vurdering af underretninger inden for 24 timer",
        SERVICELOVEN_START,
        ["barnets-lov-136"],
        "Barnets lov § 136",
        True,
        src.SM_ASSESSMENT_24H,
    ),
    (
        "§ 155 a",
        "serviceloven-155-a",
        "Genvurdering ved underretning om et barn, der allerede får støtte",
        OVERGREBSPAKKEN_START,
        ["barnets-lov-137"],
        "Barnets lov § 137",
        False,
        src.BARNETS_LOV_GUIDANCE,
    ),
    (
        "§ 155 b",
        "serviceloven-155-b",
        "Kvittering og tilbagemelding til fagpersoner, der har underrettet",
        OVERGREBSPAKKEN_START,
        ["barnets-lov-138"],
        "Barnets lov § 138",
        False,
        src.BARNETS_LOV_GUIDANCE,
    ),
]


def repealed_serviceloven(provision) -> list[dict]:
    """The register entries for the repealed paragraphs, built with provisions.provision()."""
    items = []
    for paragraph, slug, title, in_force, successors, text, _confirmed, _evidence in SUCCESSION:
        items.append(
            provision(
                slug,
                "Serviceloven",
                paragraph,
                f"{title} (ophævet)",
                f"Servicelovens {paragraph} gjaldt for børn og unge indtil 31. december 2023. Den er ophævet og "
                f"afløst af {text}.",
                f"Mange beredskabsplaner og hjemmesider henviser stadig til servicelovens {paragraph}. Læs "
                f"henvisningen som en henvisning til {text}. Teksten kan læses i den sidste udgave af "
                "serviceloven, der indeholdt den (lovbekendtgørelse nr. 1089 af 16. august 2023).",
                in_force=in_force,
                source=src.SERVICELOVEN_2023,
                verified=False,  # the in-force dates of the old paragraphs are not confirmed
                repealed_on=REPEALED_ON,
                successors=list(successors),
                superseded_by_text=text,
                links=list(successors),
            )
        )
    return items


def succession_rows() -> list[dict]:
    """The table for display: old paragraph, its successors and whether the pairing is confirmed."""
    return [
        {"old": f"Serviceloven {p}", "old_slug": slug, "new": text, "new_slugs": succ, "confirmed": ok, "source": ev}
        for p, slug, _t, _d, succ, text, ok, ev in SUCCESSION
    ]

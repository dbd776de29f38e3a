"""Kontakter: national contacts shared by all municipalities, and Aalborg's own.

Phone numbers are only given where they are certain (the seeds and the police's 112/114); the others
link to the organisation instead.
"""

import datetime

CONTACT = "contact"


def contact(slug, title, summary, body="", *, phone="", hours="", audience="", url="", address="", **extra):
    return {
        "slug": slug,
        "kind": CONTACT,
        "title": title,
        "summary": summary,
        "body": body,
        "phone": phone,
        "hours": hours,
        "audience": audience,
        "url": url,
        "address": address,
        **extra,
    }


NATIONAL_CONTACTS = [
    contact(
        "politiet-112",
        "Politi og ambulance – akut fare",
        "Ring 112, når nogen er i akut fare.",
        "Ring også 112, hvis en ung er forsvundet eller bliver holdt tilbage mod sin vilje lige nu.",
        phone="112",
        hours="Døgnet rundt",
        audience="Alle",
    ),
    contact(
        "politiet-114",
        "Politiet – når det ikke haster",
        "Ring 114 for at tale med politiet, når der ikke er akut fare.",
        "Brug nummeret til at anmelde trusler, vold og tvang eller for at få råd om en bekymring.",
        phone="114",
        hours="Døgnet rundt",
        audience="Alle",
        url="https://politi.dk",
    ),
    contact(
        "sikkerhedskonsulenterne",
        "Sikkerhedskonsulenterne",
        "Et nationalt team af sikkerhedskonsulenter, forankret i Aalborg, Odense, Aarhus og København.",
        "Konsulenterne rådgiver om æresrelaterede konflikter og negativ social kontrol, laver "
        "risikovurderinger for kommunen og koordinerer indsatsen mellem kommune, politi og andre aktører. "
        "Tilbuddet er gratis for fagpersoner og borgere i hele regionen, og rådgivning kan gives anonymt.",
        audience="Fagpersoner og borgere under og over 18 år",
        links=["serviceloven-12c"],
    ),
    contact(
        "etnisk-ung",
        "Etnisk Ung",
        "Anonym rådgivning om æresrelaterede konflikter og negativ social kontrol, drevet af LOKK.",
        "Unge, voksne, pårørende og fagpersoner kan søge råd – også uden at oplyse navn.",
        audience="Unge, pårørende og fagpersoner",
        url="https://etniskung.dk",
    ),
    contact(
        "red-safehouse",
        "RED Safehouse",
        "Landsdækkende hemmeligt opholdssted for unge mellem 16 og 30 år i æresrelaterede konflikter.",
        "Beboerne får et sikkert sted at bo og støtte til at komme videre. Adressen er hemmelig; kontakten går "
        "typisk gennem kommunen eller sikkerhedskonsulenterne.",
        audience="Unge 16–30 år",
    ),
    contact(
        "nordjyllands-politi",
        "Nordjyllands Politi",
        "Politikredsen for Nordjylland. Ring 114, eller 112 ved akut fare.",
        "Tryg Aalborg er et samarbejde mellem Aalborg Kommune og Nordjyllands Politi.",
        phone="114",
        audience="Fagpersoner og borgere i Nordjylland",
        url="https://politi.dk/nordjyllands-politi",
    ),
    contact(
        "sikkerhedskonsulenterne-nordjylland",
        "Sikkerhedskonsulenterne Nordjylland",
        "Regionens sikkerhedskonsulenter er en del af det nationale team og har base i Aalborg.",
        "Rådgivningen er gratis for fagpersoner og borgere i hele Region Nordjylland, og den kan gives anonymt. "
        "Konsulenterne laver risikovurderinger på kommunens anmodning og koordinerer mellem kommune, politi "
        "og andre aktører.",
        address="Aalborg",
        url="",
        audience="Fagpersoner og borgere i Region Nordjylland",
        links=["serviceloven-12c"],
    ),
]

AALBORG_CONTACTS = [
    contact(
        "kontakt-tryg-aalborg",
        "Tryg Aalborg",
        "Aalborg Kommunes indsats mod negativ social kontrol og æresrelaterede konflikter.",
        "Ring for råd om en bekymring eller for at høre om kommunens tilbud.",
        phone="99 82 34 20",
        audience="Fagpersoner og borgere i Aalborg Kommune",
        # Left past its review date on purpose, so the review list has something to show.
        review_date=datetime.date(2025, 6, 1),
    ),
    contact(
        "kontakt-boerne-familieafdelingen",
        "Børne- og Familieafdelingen",
        "Myndighed for børn og unge: modtager underretninger i Aalborg Kommune.",
        "Her sidder de sagsbehandlere, der vurderer underretninger og taler med barnet.",
        address="Sønderbro 12, 9000 Aalborg",
        audience="Fagpersoner, der vil underrette",
        links=["barnets-lov-133"],
    ),
    contact(
        "kontakt-tovholder-aalborg",
        "Tovholder for indsatsen",
        "Kommunens koordinator for indsatsen mod negativ social kontrol.",
        "Tovholderen koordinerer beredskabet, opkvalificering og samarbejdet med civilsamfundet.",
        address="Hjulmagervej 22, 9000 Aalborg",
        audience="Fagpersoner og samarbejdspartnere",
    ),
    {
        "slug": "aalborg-beredskab",
        "kind": "tool",
        "tool_type": "template",
        "title": "Aalborg Kommunes beredskab mod negativ social kontrol",
        "summary": "Kommunens beredskab efter barnets lov § 15, stk. 3 – samlet i Tryg som handlekort og "
        "hjælperedskaber.",
        "body": "Beredskabet beskriver, hvordan fagpersoner i Aalborg opdager, handler og samarbejder, når de er "
        "bekymrede. Strategien er lavet i samarbejde med SIRI og bygger på medborgerskab, dialog, en fælles "
        "vidensbase og klare handleanvisninger.",
        "links": ["barnets-lov-15-stk-3"],
    },
    {
        # Aalborg's own version of the national checklist (an override: same slug as the national entry).
        "slug": "redskab-tjekliste-underretning",
        "kind": "tool",
        "tool_type": "checklist",
        "title": "Tjekliste: før du underretter i Aalborg Kommune",
        "summary": "Aalborgs udgave af tjeklisten: hvem du ringer til, og hvor underretningen sendes.",
        "body": "1. Tal med din nærmeste leder. 2. Ring gerne til SSP Aalborg eller Sikkerhedskonsulenterne "
        "Nordjylland for råd – det kan ske anonymt. 3. Skriv ned, hvad du har set og hørt, og hvornår. "
        "4. Underret Børne- og Familieafdelingen, Sønderbro 12, 9000 Aalborg, hvis bekymringen består. "
        "5. Gennemgå ikke underretningen med forældrene, og kontakt ikke familie eller venner. 6. Send ikke "
        "breve, sms eller e-mail, som familien kan læse. 7. Tænk på søskende. 8. Ved akut fare: ring 112.",
        "links": ["barnets-lov-133", "kontakt-boerne-familieafdelingen", "sikkerhedskonsulenterne-nordjylland"],
    },
]

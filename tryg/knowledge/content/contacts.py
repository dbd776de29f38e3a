"""Kontakter: national contacts shared by all municipalities, and Aalborg's own.

Phone numbers are only given where a source gives them (the seeds, the police's 112/114, and the numbers
named in the sources below); the others link to the organisation instead. `verified=False` marks a contact
whose description could not be confirmed against a source.
"""

import datetime

from . import sources as src

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
        "Et nationalt team af sikkerhedskonsulenter, forankret i Aalborg, Odense, Aarhus og København. Hver "
        "region har sit eget team.",
        "Konsulenterne rådgiver om æresrelaterede konflikter og negativ social kontrol, kan lave "
        "risikovurderinger på kommunens anmodning og koordinere rådgivningen mellem kommune, politi og andre "
        "aktører. De har ingen myndighed selv. Tilbuddet er gratis for fagpersoner og borgere i hele landet.\n\n"
        "Konsulenternes egen praksis (ikke lovens tekst): rådgivning kan altid gives anonymiseret, mens "
        "sparring om en konkret, navngiven sag som udgangspunkt kræver samtykke fra borgeren eller fra "
        "forældremyndighedens indehaver. For børn giver barnets lov § 172 c særlige regler om at udveksle "
        "oplysninger uden forældrenes samtykke.",
        audience="Fagpersoner og borgere under og over 18 år",
        url=src.MAERK_CONSULTANTS,
        links=["barnets-lov-172-a", "barnets-lov-172-c", "serviceloven-12c"],
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
        "To hemmelige, sikrede opholdssteder for unge mellem 16 og 30 år på flugt fra en æresrelateret konflikt.",
        "Safehusene drives af RED Center mod æresrelaterede konflikter, som også driver RED Rådgivning. Begge "
        "afdelinger tager imod unge fra hele landet, og adresserne er hemmelige. Den unge selv, en fagperson "
        "eller kommunen kan henvende sig direkte til RED – der er åbent for henvendelser døgnet rundt. En ung "
        "under 18 er et barn i lovens forstand: kommunen skal underrettes.",
        hours="Døgnet rundt",
        audience="Unge 16–30 år",
        url=src.RED_SAFEHOUSE,
    ),
    contact(
        "boernetelefonen",
        "Børnetelefonen",
        "Børn og unge kan ringe og tale med en voksen om det, der er svært, døgnet rundt.",
        "Fortæl et barn, der ikke tør tale med nogen, hun eller han kender, om nummeret.",
        phone="116 111",
        hours="Døgnet rundt",
        audience="Børn og unge",
    ),
    contact(
        "lev-uden-vold-1888",
        "Lev Uden Vold – national hotline",
        "Gratis og anonym rådgivning om vold i nære relationer, døgnet rundt.",
        "Voldsudsatte, pårørende, voldsudøvere og fagpersoner kan ringe. Hotlinen har også overblik over ledige "
        "pladser på krisecentre.",
        phone="1888",
        hours="Døgnet rundt",
        audience="Voldsudsatte, pårørende og fagpersoner",
        url=src.LEV_UDEN_VOLD,
    ),
    contact(
        "viso",
        "VISO – national videns- og specialrådgivning",
        "Specialrådgivning til kommuner, fagpersoner og borgere i komplicerede sager.",
        "Fagpersoner beskriver problemstillingen og den rådgivning, de ønsker, og aftaler henvendelsen med "
        "deres leder. At rådgivningen er gratis og også omfatter risikovurdering, er ikke kontrolleret her.",
        phone="72 42 40 00",
        hours="Mandag, tirsdag, torsdag og fredag kl. 9–11.30",
        audience="Kommuner, fagpersoner og borgere",
        url=src.VISO,
        verified=False,
    ),
    contact(
        "maerk",
        "MÆRK – Nationalt Center mod Æresrelaterede Konflikter",
        "Det nationale center, der siden 1. januar 2024 koordinerer indsatsen mod æresrelaterede konflikter og "
        "negativ social kontrol.",
        "MÆRK hører under Styrelsen for International Rekruttering og Integration (SIRI) og rådgiver fagfolk i "
        "kommuner, andre myndigheder og civilsamfundet, blandt andet gennem Rejseholdet.",
        audience="Fagpersoner i kommuner, myndigheder og civilsamfundet",
        url=src.MAERK,
    ),
    contact(
        "ankestyrelsen",
        "Ankestyrelsen",
        "Kan kontaktes, hvis kommunen ikke reagerer på en bekymring for et barn.",
        "Ankestyrelsen kan også være stedet at henvende sig, når du ikke ved, hvilken kommune barnet hører til. "
        "Det sidste er ikke kontrolleret mod en kilde.",
        audience="Fagpersoner og borgere, der er bekymrede for et barn",
        url=src.ANKESTYRELSEN_PRACTICE,
        verified=False,
    ),
    contact(
        "politiet-kontaktpersoner",
        "Politiets kontaktpersoner i æresrelaterede sager",
        "Politikredsene har medarbejdere med særlig viden om æresrelaterede sager. Ring 114 og bed om at tale "
        "med en af dem.",
        "Ved akut fare: ring 112. Om hver politikreds har en fast kontaktperson, er ikke kontrolleret mod en kilde.",
        phone="114",
        audience="Fagpersoner",
        url="https://politi.dk",
        verified=False,
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
        "Regionens team af sikkerhedskonsulenter er en del af det nationale team og har base i Aalborg.",
        "Rådgivningen er gratis, og den kan gives anonymiseret. Konsulenterne kan lave risikovurderinger på "
        "kommunens anmodning og koordinere mellem kommune, politi og andre aktører. Ansvaret for sagen og "
        "for risikovurderingen ligger hos kommunen.",
        address="Aalborg",
        url="",
        audience="Fagpersoner og borgere i Region Nordjylland",
        links=["barnets-lov-172-a", "serviceloven-12c"],
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
        "5. Handlekortets råd: gennemgå ikke underretningen med forældrene, og kontakt ikke familie eller "
        "venner. 6. Send ikke "
        "breve, sms eller e-mail, som familien kan læse. 7. Tænk på søskende. 8. Ved akut fare: ring 112.",
        "links": ["barnets-lov-133", "kontakt-boerne-familieafdelingen", "sikkerhedskonsulenterne-nordjylland"],
    },
]

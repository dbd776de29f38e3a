"""Lovgivning: the legal provisions the effort rests on, explained in plain Danish.

`verified=False` marks references whose exact wording or paragraph we could not check against the law
text when the content was written; the UI shows them as "ikke verificeret".
"""

import datetime

LP = "legal_provision"
BARNETS_LOV = "https://www.retsinformation.dk/eli/lta/2025/282"
SERVICELOVEN = "https://www.retsinformation.dk/eli/lta/2024/909"
NSK_2021 = "https://www.retsinformation.dk/eli/lta/2021/415"
BARNETS_LOV_START = datetime.date(2024, 1, 1)
NSK_2021_START = datetime.date(2021, 3, 15)


def provision(slug, law, paragraph, title, summary, body, *, stk="", in_force=None, source="", verified=True, **extra):
    return {
        "slug": slug,
        "kind": LP,
        "law": law,
        "paragraph": paragraph,
        "stk": stk,
        "title": title,
        "summary": summary,
        "body": body,
        "in_force_from": in_force,
        "source_url": source,
        "verified": verified,
        **extra,
    }


PROVISIONS = [
    provision(
        "barnets-lov-15-stk-3",
        "Barnets lov",
        "§ 15",
        "Kommunens beredskab mod negativ social kontrol",
        "Hver kommune skal have et skriftligt beredskab mod negativ social kontrol, æresrelaterede konflikter "
        "og ekstremisme.",
        "Beredskabet dækker forebyggelse, opsporing og håndtering blandt børn, unge og deres familier. "
        "Kommunalbestyrelsen vedtager det, det offentliggøres, og det skal revideres efter behov og mindst "
        "hvert fjerde år. Tryg er stedet, hvor beredskabet bliver til handlekort og hjælperedskaber.",
        stk="3",
        in_force=BARNETS_LOV_START,
        source=BARNETS_LOV,
        links=["aalborg-beredskab"],
    ),
    provision(
        "barnets-lov-18",
        "Barnets lov",
        "§ 18",
        "Screening – og risikovurdering i æresrelaterede sager",
        "Når kommunen får kendskab til et barns mulige støttebehov, screener den sagen. Peger screeningen på "
        "negativ social kontrol eller en æresrelateret konflikt, skal der laves en risikovurdering først.",
        "Screeningen afgør, om sagen kan afsluttes, kræver en afdækning eller en børnefaglig undersøgelse. "
        "I sager med mulig negativ social kontrol eller æresrelateret konflikt skal kommunen vurdere risikoen, "
        "før forældre og netværk inddrages. Sikkerhedskonsulenterne kan rådgive om risikovurderingen.",
        stk="3",
        in_force=BARNETS_LOV_START,
        source=BARNETS_LOV,
        links=["serviceloven-12c", "redskab-risikovurdering-forberedelse"],
    ),
    provision(
        "barnets-lov-20",
        "Barnets lov",
        "§ 20",
        "Børnefaglig undersøgelse",
        "Kommunen skal træffe afgørelse om en børnefaglig undersøgelse i alvorlige eller komplekse sager, "
        "herunder ved overgreb eller mistanke om overgreb.",
        "Den børnefaglige undersøgelse afdækker barnets støttebehov og skal som udgangspunkt være afsluttet "
        "inden for fire måneder. Bestemmelsen afløste servicelovens § 50, da barnets lov trådte i kraft.",
        in_force=BARNETS_LOV_START,
        source=BARNETS_LOV,
    ),
    provision(
        "barnets-lov-133",
        "Barnets lov",
        "§ 133",
        "Skærpet underretningspligt for offentligt ansatte",
        "Er du offentligt ansat og bliver bekymret for et barn eller en ung under 18, har du pligt til at "
        "underrette kommunen.",
        "Pligten er personlig og kan ikke overlades til andre, men tal gerne med din nærmeste leder. I sager "
        "om negativ social kontrol må du ikke gennemgå underretningen med forældrene, og du skal ikke sende "
        "breve, sms eller e-mail, som familien kan læse. Tænk på søskende.",
        in_force=BARNETS_LOV_START,
        source=BARNETS_LOV,
        verified=False,
        links=["barnets-lov-136", "redskab-underretning-skabelon", "tegn-soskende-tvangsgift"],
    ),
    provision(
        "barnets-lov-136",
        "Barnets lov",
        "§ 136",
        "Kommunens behandling af underretninger",
        "Kommunen skal have en fast procedure for at modtage og vurdere underretninger og skal inden for 24 "
        "timer vurdere, om barnets sundhed eller udvikling er i fare, og om der skal handles akut.",
        "Den, der har underrettet som fagperson, skal have en kvittering for modtagelsen inden for seks "
        "hverdage. Tryg holder øje med begge frister for hver underretning.",
        in_force=BARNETS_LOV_START,
        source=BARNETS_LOV,
        verified=False,
    ),
    provision(
        "barnets-lov-137",
        "Barnets lov",
        "§ 137",
        "Genvurdering og samtale med barnet",
        "Kommunen skal genvurdere sagen, hvis den får en underretning om et barn, der allerede får støtte. "
        "Samtalen med barnet kan ske uden forældrenes samtykke og tilstedeværelse.",
        "Det gælder blandt andet, når der er bekymring for negativ social kontrol eller en æresrelateret "
        "konflikt. Ved underretning om overgreb fra forældrenes side skal samtalen holdes uden forældrene.",
        in_force=BARNETS_LOV_START,
        source=BARNETS_LOV,
        links=["redskab-samtale-barn-alene"],
    ),
    provision(
        "serviceloven-50",
        "Serviceloven",
        "§ 50",
        "Børnefaglig undersøgelse (ophævet)",
        "Den tidligere hjemmel for børnefaglige undersøgelser. Bestemmelsen er ophævet og afløst af barnets lov.",
        "Mange beredskabsplaner og hjemmesider henviser stadig til en »§ 50-undersøgelse«. Brug i dag "
        "barnets lov § 20.",
        source=SERVICELOVEN,
        superseded_by="barnets-lov-20",
        superseded_by_text="Barnets lov § 20 (fra 1. januar 2024)",
    ),
    provision(
        "serviceloven-153",
        "Serviceloven",
        "§ 153",
        "Skærpet underretningspligt (ophævet)",
        "Den tidligere regel om offentligt ansattes skærpede underretningspligt, nu afløst af barnets lov.",
        "Henvisninger til servicelovens § 153 i ældre materiale skal læses som henvisninger til barnets lov § 133.",
        source=SERVICELOVEN,
        superseded_by="barnets-lov-133",
        superseded_by_text="Barnets lov § 133",
        verified=False,
    ),
    provision(
        "serviceloven-12a",
        "Serviceloven",
        "§ 12 a",
        "Rådgivning og handleplan til voksne i æresrelaterede konflikter",
        "Kommunen skal tilbyde gratis rådgivning til borgere over 18, der henvender sig på grund af en "
        "æresrelateret konflikt, og en handleplan, når det er nødvendigt.",
        "Handleplanen indeholder en risikovurdering, borgerens aktuelle situation og mulige støttetilbud om "
        "bolig, arbejde og uddannelse. Den laves sammen med borgeren.",
        source=SERVICELOVEN,
        links=["redskab-samtaleguide-voksen"],
    ),
    provision(
        "serviceloven-12c",
        "Serviceloven",
        "§ 12 c",
        "Den nationale sikkerhedskonsulentordning",
        "Sikkerhedskonsulenterne giver gratis rådgivning om æresrelaterede konflikter og negativ social kontrol "
        "til kommuner, andre myndigheder og aktører og til borgere.",
        "De kan rådgive om risici, udarbejde risikovurderinger på kommunens anmodning og koordinere "
        "rådgivningen mellem de aktører, der er i kontakt med borgeren. Konsulenterne har ingen selvstændig "
        "myndighed; rådgivning kan altid gives anonymt, mens rådgivning i en konkret navngiven sag normalt "
        "kræver samtykke.",
        source=SERVICELOVEN,
        links=["sikkerhedskonsulenterne"],
    ),
    provision(
        "straffeloven-243",
        "Straffeloven",
        "§ 243",
        "Psykisk vold – herunder negativ social kontrol",
        "Det er strafbart gentagne gange at udsætte en nærtstående for groft nedværdigende, krænkende eller "
        "kontrollerende adfærd. Negativ social kontrol er udtrykkeligt nævnt.",
        "Negativ social kontrol blev skrevet ind i bestemmelsen i 2021. Strafferammen er fængsel op til tre år.",
        in_force=NSK_2021_START,
        source=NSK_2021,
    ),
    provision(
        "straffeloven-260-stk-1",
        "Straffeloven",
        "§ 260",
        "Ulovlig tvang – også genopdragelsesrejser",
        "Det er strafbart at tvinge nogen til at gøre, tåle eller undlade noget ved vold, trusler eller andet "
        "ulovligt pres.",
        "Bestemmelsen kan bruges, når et barn eller en ung tvinges på en såkaldt genopdragelsesrejse eller "
        "tilbageholdes i udlandet.",
        stk="1",
        source=NSK_2021,
        links=["redskab-tjekliste-udlandsrejse"],
    ),
    provision(
        "straffeloven-260-stk-2",
        "Straffeloven",
        "§ 260",
        "Tvangsægteskab",
        "Det er strafbart at tvinge nogen til at indgå ægteskab, en religiøs vielse eller et ægteskabslignende "
        "forhold, eller at holde nogen fast i et sådant forhold med tvang.",
        "Siden 2021 omfatter bestemmelsen også ægteskabslignende forhold og fastholdelse i ægteskabet. "
        "Tvangsægteskaber rammer både unge og voksne.",
        stk="2",
        in_force=NSK_2021_START,
        source=NSK_2021,
        links=["straffeloven-260-a", "straffeloven-94-stk-4"],
    ),
    provision(
        "straffeloven-260-a",
        "Straffeloven",
        "§ 260 a",
        "Religiøs vielse af personer under 18 år",
        "Det er strafbart at forestå en religiøs vielse eller et ægteskabslignende forhold med en person under "
        "18 år, at lade sit barn indgå i det, og som voksen at indgå i det med en mindreårig.",
        "Strafferammen er bøde eller fængsel op til to år. Samtykke fra den mindreårige ændrer ikke på det.",
        in_force=NSK_2021_START,
        source=NSK_2021,
    ),
    provision(
        "straffeloven-94-stk-4",
        "Straffeloven",
        "§ 94",
        "Forældelse regnes tidligst fra det 21. år",
        "For blandt andet tvangsægteskab og religiøs vielse af en person under 18 år begynder forældelsen "
        "tidligst den dag, offeret fylder 21.",
        "Det betyder, at en ung kan anmelde forholdet længe efter, at det skete.",
        stk="4",
        in_force=NSK_2021_START,
        source=NSK_2021,
    ),
    provision(
        "forvaltningsloven-27",
        "Forvaltningsloven",
        "§ 27",
        "Tavshedspligt",
        "Offentligt ansatte har tavshedspligt om fortrolige oplysninger, blandt andet om personlige forhold.",
        "Tavshedspligten gælder også over for familien. Del kun oplysninger med andre myndigheder, når loven "
        "giver adgang til det, og tænk på, at oplysninger, der slipper ud, kan bringe en person i fare.",
        verified=False,
    ),
]

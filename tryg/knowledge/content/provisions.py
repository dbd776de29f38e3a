"""Lovgivning: the law register the effort rests on, explained in plain Danish.

Every provision carries its law, paragraph, stk., title, in-force date, a source link, who checked it and
when; a repealed one also carries its repeal date and its successor(s). `verified=False` marks provisions
where a fact (usually the exact in-force date or the paragraph's content) could not be confirmed against a
source when the content was written; the UI shows them as "ikke verificeret". Sources: `sources.py`.
Statutes are quoted only where the wording matters, marked as a quotation with the source.
"""

import datetime

from . import sources as src
from .succession import repealed_serviceloven

LP = "legal_provision"
BARNETS_LOV_START = datetime.date(2024, 1, 1)
SECURITY_CONSULTANTS_START = datetime.date(2024, 3, 1)  # L 95 (2023-24); the date itself is not confirmed
CHECKED_ON = datetime.date(2026, 12, 1)


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
        "verified_by": src.CHECKED_BY if verified else "",
        "verified_on": CHECKED_ON if verified else None,
        **extra,
    }


BARNETS_LOV = [
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
        source=src.BARNETS_LOV,
        links=["aalborg-beredskab"],
    ),
    provision(
        "barnets-lov-18",
        "Barnets lov",
        "§ 18",
        "Screening – og risikovurdering i æresrelaterede sager",
        "Når kommunen får kendskab til et barns mulige støttebehov, screener den sagen. Peger screeningen på "
        "negativ social kontrol eller en æresrelateret konflikt, skal kommunen vurdere risikoen, før forældre "
        "og netværk inddrages.",
        "Screeningen afgør, om sagen kan afsluttes, kræver en afdækning eller en børnefaglig undersøgelse. "
        "Risikovurderingen er kommunens ansvar. Kommunen kan bede sikkerhedskonsulenterne om råd eller om at "
        "lave risikovurderingen (barnets lov § 172 a).",
        stk="3",
        in_force=BARNETS_LOV_START,
        source=src.BARNETS_LOV_GUIDANCE,
        links=["barnets-lov-172-a", "redskab-risikovurdering-forberedelse"],
    ),
    provision(
        "barnets-lov-20",
        "Barnets lov",
        "§ 20",
        "Børnefaglig undersøgelse",
        "Kommunen skal træffe afgørelse om en børnefaglig undersøgelse i alvorlige eller komplekse sager, "
        "herunder ved overgreb eller mistanke om overgreb.",
        "Den børnefaglige undersøgelse afdækker barnets støttebehov. Reglerne om screening, afdækning og "
        "undersøgelse står i barnets lov §§ 18–23; de afløste servicelovens § 50, da barnets lov trådte i kraft.",
        in_force=BARNETS_LOV_START,
        source=src.BARNETS_LOV_GUIDANCE,
        links=["barnets-lov-18", "serviceloven-50"],
    ),
    provision(
        "barnets-lov-132",
        "Barnets lov",
        "§ 132",
        "Underretning mellem kommuner, når en familie flytter",
        "Første bestemmelse i lovens kapitel om underretning. Den svarer efter alt at dømme til servicelovens "
        "tidligere § 152: flytter en familie, som kommunen mener har brug for støtte, underretter den den nye "
        "kommune.",
        "Paragraffens indhold er ikke kontrolleret mod lovteksten; det bygger på, at kapitlet om "
        "underretningspligt i vejledningen omfatter §§ 132–135 og 138, og på servicelovens § 152.",
        in_force=BARNETS_LOV_START,
        source=src.BARNETS_LOV_GUIDANCE,
        verified=False,
    ),
    provision(
        "barnets-lov-133",
        "Barnets lov",
        "§ 133",
        "Skærpet underretningspligt for offentligt ansatte",
        "Er du offentligt ansat og får kendskab til eller grund til at antage, at et barn eller en ung under 18 "
        "kan have behov for støtte eller har været udsat for overgreb, har du pligt til at underrette kommunen.",
        "Pligten påhviler dig selv. Din leder kan sende underretningen, men du har stadig ansvaret for, at "
        "den når frem til kommunen. Bestemmelsen afløste servicelovens § 153.\n\n"
        "Handlekortets råd (ikke lovens tekst): i sager om negativ social kontrol skal du ikke gennemgå "
        "underretningen med forældrene, og du skal ikke sende breve, sms eller e-mail, som familien kan læse. "
        "Tænk på søskende. Lovens krav om at vurdere risikoen, før forældre og netværk inddrages, står i "
        "barnets lov § 18, stk. 3.",
        in_force=BARNETS_LOV_START,
        source=src.BARNETS_LOV,
        links=[
            "barnets-lov-136",
            "barnets-lov-138",
            "barnets-lov-18",
            "redskab-underretning-skabelon",
            "tegn-soskende-tvangsgift",
        ],
    ),
    provision(
        "barnets-lov-135",
        "Barnets lov",
        "§ 135",
        "Alle borgeres underretningspligt",
        "Alle, der får kendskab til, at et barn eller en ung under 18 udsættes for vanrøgt eller nedværdigende "
        "behandling eller lever under forhold, der bringer barnets sundhed eller udvikling i fare, skal "
        "underrette kommunen.",
        "Pligten gælder enhver, også naboer, familie og foreningsfolk. Bestemmelsen afløste servicelovens § 154.",
        in_force=BARNETS_LOV_START,
        source=src.SEL_154_NOW_135,
        links=["barnets-lov-133"],
    ),
    provision(
        "barnets-lov-136",
        "Barnets lov",
        "§ 136",
        "Vurdering af en underretning inden for 24 timer",
        "Kommunen skal have en fast procedure for at modtage og vurdere underretninger og skal inden for 24 "
        "timer vurdere, om barnets sundhed eller udvikling er i fare, og om der skal handles akut.",
        "Tryg holder øje med fristen for hver underretning om et barn. Bestemmelsen afløste servicelovens § 155.",
        in_force=BARNETS_LOV_START,
        source=src.SM_ASSESSMENT_24H,
        links=["barnets-lov-137", "barnets-lov-138"],
    ),
    provision(
        "barnets-lov-137",
        "Barnets lov",
        "§ 137",
        "Genvurdering og samtale med barnet",
        "Kommunen skal genvurdere sagen, hvis den får en underretning om et barn, der allerede får støtte.",
        "Det gælder blandt andet, når der er bekymring for negativ social kontrol eller en æresrelateret "
        "konflikt. Bestemmelsen svarer til servicelovens tidligere § 155 a. Om samtalen med barnet kan holdes "
        "uden forældrene, er ikke kontrolleret mod lovteksten.",
        in_force=BARNETS_LOV_START,
        source=src.BARNETS_LOV_GUIDANCE,
        verified=False,
        links=["redskab-samtale-barn-alene"],
    ),
    provision(
        "barnets-lov-138",
        "Barnets lov",
        "§ 138",
        "Kvittering og tilbagemelding til fagpersoner, der har underrettet",
        "En fagperson, der har underrettet efter den skærpede pligt (§ 133), skal have en kvittering for "
        "modtagelsen inden for 6 hverdage og kan få at vide, om underretningen har ført til en undersøgelse "
        "eller en indsats.",
        "Kvitteringen skyldes kun dem, der underretter som fagpersoner; en privat borger har ikke krav på den. "
        "Tryg holder øje med fristen for hver underretning om et barn. Bestemmelsen svarer til servicelovens "
        "tidligere § 155 b.",
        in_force=BARNETS_LOV_START,
        source=src.BARNETS_LOV_GUIDANCE,
        verified=False,
        links=["barnets-lov-133"],
    ),
    provision(
        "barnets-lov-172-a",
        "Barnets lov",
        "§ 172 a",
        "Sikkerhedskonsulenterne i sager om børn",
        "Sikkerhedskonsulenterne kan rådgive kommuner, andre myndigheder, aktører og borgere i sager om børn og "
        "unge, hvor der er kendskab til eller grund til at antage, at der er en æresrelateret konflikt eller "
        "negativ social kontrol.",
        "Siden 1. januar 2024 gælder serviceloven kun personer over 18, så grundlaget for konsulenternes arbejde "
        "med børn står i barnets lov. Bestemmelsen kom ind med lovforslag L 95 (2023-24).",
        in_force=SECURITY_CONSULTANTS_START,
        source=src.L95_2023_ANSWER_11,
        verified=False,
        links=["barnets-lov-172-c", "sikkerhedskonsulenterne", "serviceloven-12c"],
    ),
    provision(
        "barnets-lov-172-c",
        "Barnets lov",
        "§ 172 c",
        "Udveksling af oplysninger uden forældrenes samtykke",
        "Giver hjemmel til, at oplysninger i sager om børn kan udveksles med sikkerhedskonsulenterne uden "
        "forældrenes samtykke, når betingelserne i bestemmelsen er opfyldt.",
        "Bestemmelsen kom ind med lovforslag L 95 (2023-24). Ministeren oplyste under behandlingen, at "
        "udvekslingen forudsætter, at der er grund til at antage, at der er en æresrelateret konflikt eller "
        "negativ social kontrol. Læs selve bestemmelsen, før du deler oplysninger.",
        in_force=SECURITY_CONSULTANTS_START,
        source=src.L95_2023_ANSWER_11,
        verified=False,
        links=["barnets-lov-172-a", "forvaltningsloven-27"],
    ),
]

SERVICELOVEN = [
    provision(
        "serviceloven-10",
        "Serviceloven",
        "§ 10",
        "Gratis rådgivning til alle",
        "Kommunen skal tilbyde gratis rådgivning. Det gælder også voksne, der lever under negativ social "
        "kontrol uden en æresrelateret konflikt.",
        "Rådgivningen efter § 10 er den, som § 12 a henviser til for voksne i æresrelaterede konflikter. "
        "Bestemmelsens ikrafttræden er ikke kontrolleret.",
        in_force=datetime.date(1998, 7, 1),
        source=src.SEL_12A_TEXT,
        verified=False,
        links=["serviceloven-12a"],
    ),
    provision(
        "serviceloven-12a",
        "Serviceloven",
        "§ 12 a",
        "Rådgivning og handleplan til voksne i æresrelaterede konflikter",
        "Kommunen skal sørge for, at borgere over 18, der henvender sig på grund af en æresrelateret konflikt, "
        "kan få gratis rådgivning. Ved en alvorlig æresrelateret konflikt tilbyder kommunen en handleplan, "
        "når den skønner, at der er behov for det.",
        "Handleplanen indeholder en risikovurdering, borgerens aktuelle situation og mulige støttetilbud om "
        "bolig, arbejde og uddannelse. Den laves sammen med borgeren. Bestemmelsen kom ind med lovforslag L 14 "
        "(2013-14). Lever en voksen under negativ social kontrol uden en æresrelateret konflikt, er grundlaget "
        "den almindelige rådgivning efter § 10.",
        in_force=datetime.date(2014, 1, 1),
        source=src.L14_2013,
        links=["serviceloven-10", "redskab-samtaleguide-voksen"],
    ),
    provision(
        "serviceloven-12c",
        "Serviceloven",
        "§ 12 c",
        "Sikkerhedskonsulenterne i sager om voksne",
        "Sikkerhedskonsulenterne giver gratis vejledende rådgivning om æresrelaterede konflikter og negativ "
        "social kontrol til kommuner, andre myndigheder og aktører og til borgere over 18.",
        "De kan rådgive om risici, udarbejde risikovurderinger på kommunens anmodning og på kommunens anmodning "
        "koordinere rådgivningen mellem de aktører, der er i kontakt med borgeren. For børn står grundlaget i "
        "barnets lov § 172 a. Bestemmelsen kom ind med lovforslag L 95 (2023-24).",
        in_force=SECURITY_CONSULTANTS_START,
        source=src.SEL_12C_TEXT,
        verified=False,
        links=["sikkerhedskonsulenterne", "barnets-lov-172-a"],
    ),
]

STRAFFELOVEN_243_QUOTE = (
    "»Den, som tilhører eller er nært knyttet til en andens husstand eller tidligere har haft en sådan tilknytning "
    "til husstanden, og som gentagne gange over en periode udsætter den anden for groft nedværdigende, forulempende "
    "eller krænkende adfærd, der er egnet til utilbørligt at styre den anden, herunder ved udøvelse af negativ "
    "social kontrol, straffes for psykisk vold med bøde eller fængsel indtil 3 år.«\n"
    "(Citat af straffeloven § 243, jf. lovbekendtgørelse nr. 434 af 25. april 2024.)"
)

STRAFFELOVEN = [
    provision(
        "straffeloven-243",
        "Straffeloven",
        "§ 243",
        "Psykisk vold – herunder negativ social kontrol",
        "Det er strafbart gentagne gange over en periode at udsætte en person i eller tæt knyttet til "
        "husstanden for groft nedværdigende, forulempende eller krænkende adfærd, der er egnet til utilbørligt "
        "at styre personen. Straffen er bøde eller fængsel indtil 3 år.",
        "Bestemmelsen trådte i kraft 1. april 2019. Lov nr. 415 af 13. marts 2021 (i kraft 15. marts 2021) "
        "tilføjede, at det også gælder, når det sker ved udøvelse af negativ social kontrol.\n\n"
        + STRAFFELOVEN_243_QUOTE,
        in_force=datetime.date(2019, 4, 1),
        source=src.STRAFFELOVEN,
        links=["straffeloven-260-stk-1"],
    ),
    provision(
        "straffeloven-215-a",
        "Straffeloven",
        "§ 215 a",
        "At sende et barn til udlandet til skadelige forhold (genopdragelsesrejser)",
        "Det er strafbart at sende sit barn til udlandet til forhold, der bringer barnets sundhed eller "
        "udvikling i alvorlig fare, eller at lade barnet tage del i et sådant ophold. Straffen er bøde eller "
        "fængsel indtil 4 år.",
        "Bestemmelsen er blandt andet rettet mod såkaldte genopdragelsesrejser og trådte i kraft 1. januar 2019 "
        "(lov nr. 1542 af 18. december 2018). Politiet kan også nægte at udstede pas til barnet eller inddrage "
        "det, når der er grund til at tro, at barnet ellers bliver sendt af sted.",
        in_force=datetime.date(2019, 1, 1),
        source=src.DOMSTOL_215A,
        links=["redskab-tjekliste-udlandsrejse", "tegn-lang-rejse"],
    ),
    provision(
        "straffeloven-244-246",
        "Straffeloven",
        "§§ 244–246",
        "Vold",
        "Vold er strafbart; straffen skærpes, når volden er grov eller har medført skade (§§ 245 og 246).",
        "Vold i familien og æresrelateret vold kan anmeldes til politiet. Strafferammer og ikrafttræden er ikke "
        "kontrolleret mod lovteksten.",
        in_force=datetime.date(1933, 1, 1),
        source=src.STRAFFELOVEN,
        verified=False,
        links=["politiet-114"],
    ),
    provision(
        "straffeloven-260-stk-1",
        "Straffeloven",
        "§ 260",
        "Ulovlig tvang",
        "Det er strafbart at tvinge nogen til at gøre, tåle eller undlade noget ved vold eller trussel om vold, "
        "om frihedsberøvelse eller om at afsløre private forhold. Straffen er bøde eller fængsel indtil 2 år.",
        "Bestemmelsen kan bruges, når nogen presses med trusler til at leve efter familiens regler. Tvang til "
        "ægteskab står i stk. 2, og at sende et barn på en genopdragelsesrejse er strafbart efter § 215 a.",
        stk="1",
        in_force=datetime.date(2001, 7, 1),
        source=src.STRAFFELOVEN_KAP_26,
        links=["straffeloven-260-stk-2", "straffeloven-215-a", "straffeloven-266"],
    ),
    provision(
        "straffeloven-260-stk-2",
        "Straffeloven",
        "§ 260",
        "Tvangsægteskab",
        "Det er strafbart at tvinge nogen til at indgå ægteskab, en religiøs vielse eller et ægteskabslignende "
        "forhold, eller at holde nogen fast i et sådant forhold med tvang. Straffen kan stige til fængsel "
        "indtil 4 år.",
        "Lov nr. 415 af 13. marts 2021 (i kraft 15. marts 2021) udvidede stk. 2 til også at omfatte "
        "ægteskabslignende forhold og fastholdelse i ægteskabet. Tvangsægteskaber rammer både unge og voksne.",
        stk="2",
        in_force=datetime.date(2021, 3, 15),
        source=src.STRAFFELOVEN_KAP_26,
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
        in_force=datetime.date(2021, 3, 15),
        source=src.NSK_2021,
    ),
    provision(
        "straffeloven-261",
        "Straffeloven",
        "§ 261",
        "Frihedsberøvelse",
        "Det er strafbart at berøve en anden friheden. Straffen er bøde eller fængsel indtil 4 år, og op til 12 "
        "år blandt andet når frihedsberøvelsen er langvarig eller består i at holde nogen fanget i et fremmed "
        "land.",
        "Bestemmelsen kan være aktuel, når en ung holdes indespærret i hjemmet eller tilbageholdes i udlandet. "
        "Ikrafttrædelsen af den nuværende ordlyd er ikke kontrolleret.",
        in_force=datetime.date(1933, 1, 1),
        source=src.STRFL_261,
        verified=False,
        links=["straffeloven-215-a"],
    ),
    provision(
        "straffeloven-266",
        "Straffeloven",
        "§ 266",
        "Trusler",
        "Det er strafbart at true med en strafbar handling på en måde, der kan fremkalde alvorlig frygt for "
        "eget eller andres liv, helbred eller velfærd. Straffen er bøde eller fængsel indtil 2 år.",
        "Truslen behøver ikke at have skræmt den, den rettes mod; det afgørende er, om den er egnet til det. "
        "Ikrafttrædelsen af den nuværende ordlyd er ikke kontrolleret.",
        in_force=datetime.date(1933, 1, 1),
        source=src.STRFL_266,
        verified=False,
        links=["politiet-114"],
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
        in_force=datetime.date(2021, 3, 15),
        source=src.NSK_2021,
    ),
]

DATA_AND_SECRECY = [
    provision(
        "forvaltningsloven-27",
        "Forvaltningsloven",
        "§ 27",
        "Tavshedspligt",
        "Offentligt ansatte har tavshedspligt om fortrolige oplysninger, blandt andet om personlige forhold.",
        "Tavshedspligten gælder også over for familien. Del kun oplysninger med andre myndigheder, når loven "
        "giver adgang til det (se § 28), og tænk på, at oplysninger, der slipper ud, kan bringe en person i "
        "fare. Forvaltningsloven er lov nr. 571 af 19. december 1985 og trådte i kraft 1. januar 1987.",
        in_force=datetime.date(1987, 1, 1),
        source=src.FORVALTNINGSLOVEN,
        links=["forvaltningsloven-28"],
    ),
    provision(
        "forvaltningsloven-28",
        "Forvaltningsloven",
        "§ 28",
        "Videregivelse af oplysninger til en anden myndighed",
        "Personoplysninger må kun gives videre til en anden myndighed efter databeskyttelsesreglerne; andre "
        "fortrolige oplysninger kun med samtykke, når loven kræver det, eller når de har væsentlig betydning "
        "for modtagerens opgave.",
        "For oplysninger om enkeltpersoner henviser § 28 til databeskyttelseslovens §§ 6–8 og til "
        "databeskyttelsesforordningens artikel 9 om følsomme oplysninger.",
        in_force=datetime.date(1987, 1, 1),
        source=src.FVL_28_TEXT,
        links=["forvaltningsloven-27", "gdpr-artikel-9", "databeskyttelsesloven-7"],
    ),
    provision(
        "gdpr-artikel-9",
        "Databeskyttelsesforordningen",
        "art. 9",
        "Følsomme oplysninger (særlige kategorier)",
        "Oplysninger om blandt andet etnisk oprindelse, religion og helbred er særlige kategorier, som kun må "
        "behandles, når en af forordningens undtagelser gælder.",
        "I sager om negativ social kontrol er næsten alle oplysninger følsomme. Del dem kun med dem, der har "
        "brug for dem for at beskytte personen. Listen over kategorier og ikrafttrædelsen er ikke kontrolleret "
        "mod forordningens tekst her.",
        in_force=datetime.date(2018, 5, 25),
        source=src.FVL_28_TEXT,
        verified=False,
        links=["databeskyttelsesloven-7", "forvaltningsloven-28"],
    ),
    provision(
        "databeskyttelsesloven-7",
        "Databeskyttelsesloven",
        "§ 7",
        "Behandling og videregivelse af følsomme oplysninger",
        "Databeskyttelsesloven supplerer forordningen om, hvornår myndigheder må behandle og videregive "
        "følsomme oplysninger; forvaltningsloven § 28 henviser til lovens §§ 6–8.",
        "Paragraffens nøjagtige indhold og ikrafttræden er ikke kontrolleret mod lovteksten. Spørg kommunens "
        "databeskyttelsesrådgiver, før du deler følsomme oplysninger uden samtykke.",
        in_force=datetime.date(2018, 5, 25),
        source=src.FVL_28_TEXT,
        verified=False,
        links=["gdpr-artikel-9", "forvaltningsloven-28"],
    ),
]

SERVICELOVEN += repealed_serviceloven(provision)

PROVISIONS = [*BARNETS_LOV, *SERVICELOVEN, *STRAFFELOVEN, *DATA_AND_SECRECY]

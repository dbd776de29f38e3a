"""Redskaber: conversation guides, checklists and templates for professionals."""

TOOL = "tool"


def tool(slug, tool_type, title, summary, body, *, links=()):
    return {
        "slug": slug,
        "kind": TOOL,
        "tool_type": tool_type,
        "title": title,
        "summary": summary,
        "body": body,
        "links": list(links),
    }


TOOLS = [
    tool(
        "redskab-samtale-barn-alene",
        "conversation_guide",
        "Samtaleguide: når du taler med barnet eller den unge alene",
        "Sådan skaber du ro og tryghed i en samtale om bekymringen, uden at love mere end du kan holde.",
        "Vælg et sted, hvor I ikke bliver forstyrret, og hvor ingen fra familien ser jer. Fortæl, hvorfor du "
        "gerne vil tale. Stil åbne spørgsmål: Hvordan er det at være dig derhjemme? Hvad sker der, hvis du "
        "siger nej? Lyt, og lad være med at presse. Lov ikke hemmeligholdelse – forklar, at du måske skal "
        "fortælle det videre for at hjælpe. Aftal, hvordan I kan kontakte hinanden sikkert. Skriv ned, hvad "
        "barnet sagde, med barnets egne ord.",
        links=["barnets-lov-137", "redskab-sikker-kontakt"],
    ),
    tool(
        "redskab-tjekliste-underretning",
        "checklist",
        "Tjekliste: før du underretter",
        "Gå listen igennem, når du er bekymret for et barn eller en ung under 18.",
        "1. Tal med din nærmeste leder. 2. Søg gerne råd hos SSP eller sikkerhedskonsulenterne – det kan ske "
        "anonymt. 3. Beskriv, hvad du har set og hørt, og hvornår. 4. Underret kommunen, hvis bekymringen "
        "består. 5. Handlekortets råd: gennemgå ikke underretningen med forældrene. 6. Kontakt ikke familie "
        "eller venner. "
        "7. Send ikke breve, sms eller e-mail, som familien kan læse. 8. Tænk på søskende. 9. Ved akut fare: "
        "ring 112.",
        links=["barnets-lov-133", "redskab-underretning-skabelon", "sikkerhedskonsulenterne"],
    ),
    tool(
        "redskab-underretning-skabelon",
        "template",
        "Skabelon: underretning om negativ social kontrol",
        "Overskrifter, der hjælper dig med at skrive en klar og brugbar underretning.",
        "Hvem drejer det sig om (barnet, alder, skole). Hvad har du observeret – konkrete udsagn og "
        "hændelser med datoer. Hvilke bekymringstegn ser du, og fra hvilke grupper. Er der søskende. Er der "
        "planlagt rejse. Hvad ved familien om din bekymring – og hvad må de ikke vide. Hvordan kan barnet "
        "kontaktes sikkert. Hvem har du allerede talt med.",
        links=["barnets-lov-133", "barnets-lov-136", "barnets-lov-138"],
    ),
    tool(
        "redskab-sikkerhedsplan",
        "checklist",
        "Tjekliste: sikkerhedsplan sammen med den unge",
        "Punkter til en plan for, hvad den unge gør, hvis situationen spidser til.",
        "Hvad er faresignalerne, og hvornår skal planen bruges. Hvem kan den unge kontakte døgnet rundt, og "
        "hvordan. Hvor kan den unge gå hen. Hvilke dokumenter og ting skal være klar (pas, sygesikringskort, "
        "medicin, telefon). Hvem reagerer, hvis den unge ikke kommer tilbage til aftalt tid. Hvornår "
        "planen gennemgås igen.",
        links=["politiet-112", "red-safehouse", "boernetelefonen", "lev-uden-vold-1888"],
    ),
    tool(
        "redskab-tjekliste-udlandsrejse",
        "checklist",
        "Tjekliste: bekymring for en rejse til udlandet",
        "Hvad du gør, hvis et barn eller en ung måske skal sendes ud af landet mod sin vilje.",
        "Handl hurtigt – før ferien eller rejsen. Kontakt sikkerhedskonsulenterne for råd. Underret kommunen, "
        "hvis barnet er under 18. Notér afrejsedato, destination og hvem der rejser med. Aftal med den unge, "
        "hvordan hun eller han kan få hjælp i udlandet, og hvilke oplysninger der skal gemmes sikkert. Ved "
        "akut fare: ring 112. Det er strafbart at sende et barn til udlandet til forhold, der bringer barnets "
        "sundhed eller udvikling i alvorlig fare.",
        links=["straffeloven-215-a", "sikkerhedskonsulenterne"],
    ),
    tool(
        "redskab-samtaleguide-voksen",
        "conversation_guide",
        "Samtaleguide: rådgivning af en voksen",
        "Når en borger over 18 søger hjælp på grund af kontrol eller en æresrelateret konflikt.",
        "Tag henvendelsen alvorligt første gang. Spørg, hvad borgeren selv ønsker, og hvad hun eller han er "
        "bange for. Afdæk, hvem der udøver kontrollen, og om der er trusler. Alle kan få gratis rådgivning; "
        "ved en alvorlig æresrelateret konflikt tilbydes en handleplan med risikovurdering, når kommunen "
        "skønner, at der er behov for det, og den laves sammen med borgeren. Oplys om muligheden for anonym "
        "rådgivning hos Etnisk Ung, sikkerhedskonsulenterne og Lev Uden Vold (1888).",
        links=["serviceloven-10", "serviceloven-12a", "etnisk-ung", "lev-uden-vold-1888"],
    ),
    tool(
        "redskab-sikker-kontakt",
        "checklist",
        "Tjekliste: sikker kontakt med en udsat borger",
        "Sådan undgår du, at din kontakt afslører noget for familien.",
        "Spørg personen, hvordan og hvornår det er sikkert at kontakte hende eller ham. Undgå breve til "
        "hjemmeadressen og e-Boks, som familien kan have adgang til. Skriv ikke sms eller e-mail om sagen. "
        "Brug neutrale navne i opkaldslister. Aftal et kodeord, hvis personen ikke kan tale frit.",
        links=["tegn-telefon-tjekkes"],
    ),
    tool(
        "redskab-risikovurdering-forberedelse",
        "checklist",
        "Tjekliste: forbered en risikovurdering",
        "De oplysninger, der gør det lettere at vurdere risikoen i en æresrelateret sag.",
        "Hvad er der sket, og hvad er truslen nu. Hvem udøver kontrollen, og har de tidligere brugt vold. "
        "Hvor sårbar er den udsatte – alder, netværk, helbred. Er der søskende eller andre i risiko. Hvilke "
        "beskyttende forhold findes. Det er kommunens pligt at vurdere risikoen (for børn: barnets lov § 18, "
        "stk. 3); kommunen kan bede sikkerhedskonsulenterne om råd eller om at lave risikovurderingen.",
        links=["barnets-lov-18", "barnets-lov-172-a", "serviceloven-12c"],
    ),
]

"""Bekymringstegn: signs that a child, young person or adult may live under negative social control.

One sign alone proves nothing; several signs across groups strengthen a concern.
"""

WS = "warning_sign"


def sign(slug, group, title, summary, body, *, child=False, young=False, adult=False, links=()):
    return {
        "slug": slug,
        "kind": WS,
        "group": group,
        "title": title,
        "summary": summary,
        "body": body,
        "for_child": child,
        "for_young": young,
        "for_adult": adult,
        "links": list(links),
    }


WARNING_SIGNS = [
    # Psykiske og fysiske symptomer
    sign(
        "tegn-angst-uro",
        "symptoms",
        "Angst, uro og søvnproblemer",
        "Personen virker bange, anspændt eller udmattet uden en tydelig forklaring.",
        "Vedvarende nervøsitet, mareridt, koncentrationsbesvær og træthed kan hænge sammen med et pres "
        "derhjemme. Spørg nysgerrigt til, hvordan personen har det, og notér hvad du ser.",
        child=True,
        young=True,
        adult=True,
    ),
    sign(
        "tegn-selvskade",
        "symptoms",
        "Selvskade eller tanker om selvmord",
        "Skader personen sig selv, eller taler hun eller han om ikke at ville leve, skal du reagere samme dag.",
        "Selvskade og selvmordstanker kan være en reaktion på et liv uden frie valg. Sørg for, at personen ikke "
        "er alene med det, og inddrag din leder og de relevante fagpersoner med det samme.",
        young=True,
        adult=True,
    ),
    sign(
        "tegn-uforklarlige-skader",
        "symptoms",
        "Blå mærker og skader, der ikke forklares",
        "Mærker på kroppen, som personen ikke vil eller kan forklare, eller som forklares usandsynligt.",
        "Læg mærke til skader på steder, der normalt er dækket af tøj, og til forklaringer der skifter. "
        "Ved mistanke om vold mod et barn gælder underretningspligten.",
        child=True,
        young=True,
        adult=True,
        links=["barnets-lov-133", "straffeloven-243"],
    ),
    sign(
        "tegn-spiseforstyrrelse",
        "symptoms",
        "Ændret spisning og vægt",
        "Markant vægttab, manglende appetit eller tegn på spiseforstyrrelse.",
        "Kontrol over kroppen kan blive den eneste kontrol, en ung oplever at have. Se det i sammenhæng med "
        "andre tegn.",
        young=True,
        adult=True,
    ),
    sign(
        "tegn-psykosomatiske-smerter",
        "symptoms",
        "Hyppig hovedpine og mavepine",
        "Barnet klager ofte over ondt i hovedet eller maven, især før weekender og ferier.",
        "Fysiske klager uden medicinsk årsag kan være et udtryk for stress. Bemærk, om de optræder op til "
        "tider, hvor barnet skal være hjemme i længere tid.",
        child=True,
        young=True,
    ),
    # Ændret adfærd
    sign(
        "tegn-tilbagetrukket",
        "behaviour",
        "Bliver stille og trækker sig",
        "En tidligere udadvendt person isolerer sig og deltager ikke længere i fællesskabet.",
        "Pludselig tavshed, undvigende svar og et ønske om ikke at blive set kan vise, at personen er under "
        "pres. Vær opmærksom på, hvornår ændringen begyndte.",
        child=True,
        young=True,
        adult=True,
    ),
    sign(
        "tegn-dobbeltliv",
        "behaviour",
        "Lever et dobbeltliv",
        "Den unge skifter tøj, sprog eller adfærd, før hun eller han går hjem.",
        "Et liv delt i to – et udenfor og et derhjemme – kan være den unges måde at klare modstridende krav "
        "på. Det er ofte et tegn på, at den unge frygter familiens reaktion.",
        young=True,
    ),
    sign(
        "tegn-frygt-for-at-ga-hjem",
        "behaviour",
        "Frygter at gå hjem",
        "Personen udskyder at tage hjem, spørger om at blive længere eller virker bange ved fyraften.",
        "Frygt for at gå hjem er et alvorligt tegn. Spørg roligt, hvad personen er bange for, og lov ikke "
        "at holde noget hemmeligt, du har pligt til at handle på.",
        child=True,
        young=True,
        adult=True,
        links=["redskab-samtale-barn-alene"],
    ),
    sign(
        "tegn-pludselig-religios-streng",
        "behaviour",
        "Pludselige strenge regler om adfærd",
        "Personen følger brat regler om påklædning, kontakt eller aktiviteter, som hun eller han ikke selv "
        "ser ud til at have valgt.",
        "Det er ikke et tegn i sig selv at være troende eller traditionel. Vær opmærksom, når reglerne "
        "virker påtvungne, og personen giver udtryk for mistrivsel.",
        young=True,
        adult=True,
    ),
    sign(
        "tegn-stoffer-risiko",
        "behaviour",
        "Risikoadfærd og oprør",
        "Den unge stikker af, bruger rusmidler eller søger risikable fællesskaber.",
        "Oprør kan være en reaktion på et meget snævert råderum. Den unges adfærd kan udløse en hårdere "
        "kontrol fra familien, så overvej sikkerheden, før familien inddrages.",
        young=True,
    ),
    # Familieforhold og historik
    sign(
        "tegn-soskende-tvangsgift",
        "family",
        "Søskende er blevet gift tidligt eller mod deres vilje",
        "En ældre søster eller bror er blevet gift meget ung eller har brudt med familien.",
        "Hvad der er sket for søskende, kan gentage sig. Tænk altid på søskende, når du er bekymret for ét "
        "barn i familien.",
        child=True,
        young=True,
        links=["straffeloven-260-stk-2"],
    ),
    sign(
        "tegn-vold-i-familien",
        "family",
        "Kendt vold eller trusler i familien",
        "Der har tidligere været vold, trusler eller politisager i familien.",
        "En historik med vold øger risikoen for, at en konflikt om ære eller kontrol eskalerer. Del oplysningen "
        "med den, der skal vurdere risikoen.",
        child=True,
        young=True,
        adult=True,
    ),
    sign(
        "tegn-aere-omdomme",
        "family",
        "Familien taler om ære og omdømme",
        "Personen fortæller, at familiens ære eller rygte afhænger af hendes eller hans opførsel.",
        "Når et fællesskab lægger ansvaret for sit omdømme på én person, kan selv små brud på normerne få "
        "alvorlige konsekvenser.",
        child=True,
        young=True,
        adult=True,
    ),
    sign(
        "tegn-forlovet-ung",
        "family",
        "Er lovet bort eller forlovet som ung",
        "Barnet eller den unge nævner en aftalt forlovelse eller et kommende bryllup.",
        "Et ægteskab, som den unge ikke selv har valgt, kan være tvang, selv om familien kalder det arrangeret. "
        "Religiøs vielse af en person under 18 år er strafbar.",
        child=True,
        young=True,
        links=["straffeloven-260-stk-2", "straffeloven-260-a"],
    ),
    sign(
        "tegn-partner-ikke-accepteret",
        "family",
        "Kæreste eller partner, familien ikke accepterer",
        "Personen har en kæreste, som familien ikke må kende til eller har afvist.",
        "Et forhold, familien ikke godkender, er en hyppig udløser af alvorlige æresrelaterede konflikter. "
        "Vær særligt opmærksom, hvis forholdet er blevet opdaget.",
        young=True,
        adult=True,
    ),
    sign(
        "tegn-seksualitet",
        "family",
        "Seksualitet eller kønsidentitet, familien ikke accepterer",
        "Personen frygter, at familien opdager hendes eller hans seksualitet eller kønsidentitet.",
        "LGBT+-personer kan være særligt udsatte for trusler og udstødelse. Tal med personen om, hvem der "
        "kender til det, og hvad der kan ske.",
        young=True,
        adult=True,
    ),
    # Skole og fritid
    sign(
        "tegn-fravaer",
        "school_leisure",
        "Stigende fravær fra skole eller uddannelse",
        "Barnet eller den unge udebliver mere og mere, ofte med skiftende begrundelser.",
        "Fravær kan skyldes, at den unge holdes hjemme eller skal passe søskende. Spørg til årsagen og se "
        "fraværet i sammenhæng med andre tegn.",
        child=True,
        young=True,
    ),
    sign(
        "tegn-ma-ikke-deltage",
        "school_leisure",
        "Må ikke deltage i lejrskole, idræt eller ture",
        "Barnet bliver holdt væk fra lejrskole, svømning, sociale arrangementer eller klassefester.",
        "Når et barn gang på gang ikke må være med, kan det være et udtryk for kontrol af krop og omgangskreds. "
        "Bemærk om begrundelserne skifter.",
        child=True,
        young=True,
    ),
    sign(
        "tegn-hentes-bringes",
        "school_leisure",
        "Bliver altid hentet og bragt",
        "Barnet eller den unge følges til og fra skole, også når alderen ikke tilsiger det.",
        "Tæt ledsagelse kan være omsorg, men kan også betyde, at den unge ikke får lov at færdes alene. "
        "Se på, om den unge selv ønsker det.",
        child=True,
        young=True,
    ),
    sign(
        "tegn-uddannelse-bestemt",
        "school_leisure",
        "Familien bestemmer uddannelse og job",
        "Den unge må ikke vælge uddannelse, fritidsjob eller fortsætte efter grundskolen.",
        "At blive afskåret fra uddannelse og arbejde begrænser muligheden for et selvstændigt liv og kan "
        "være en del af negativ social kontrol.",
        young=True,
        adult=True,
    ),
    sign(
        "tegn-faldende-karakterer",
        "school_leisure",
        "Faldende trivsel og resultater i skolen",
        "Et tidligere engageret barn mister interessen, og resultaterne falder.",
        "Et brat fald i skolearbejdet kan have mange årsager. Spørg ind, og se efter tegn fra de andre grupper.",
        child=True,
        young=True,
    ),
    # Digital kontrol
    sign(
        "tegn-telefon-tjekkes",
        "digital",
        "Telefonen og beskederne bliver tjekket",
        "Familien eller partneren læser den unges beskeder og opkaldslister.",
        "Digital overvågning er en udbredt form for kontrol. Tænk over det, før du skriver eller ringer til "
        "personen: beskeder kan blive læst af andre.",
        young=True,
        adult=True,
        links=["redskab-sikker-kontakt"],
    ),
    sign(
        "tegn-gps-sporing",
        "digital",
        "Bliver sporet med GPS eller apps",
        "Personens placering deles automatisk med familien eller partneren.",
        "Lokationsdeling kan bruges til at kontrollere, hvor personen er og med hvem. Det er vigtigt for en "
        "sikkerhedsplan at vide, om personen kan spores.",
        young=True,
        adult=True,
    ),
    sign(
        "tegn-ingen-sociale-medier",
        "digital",
        "Må ikke have sociale medier eller egen telefon",
        "Den unge har ingen egen telefon eller skal aflevere den, når hun eller han kommer hjem.",
        "Afskæring fra digitale fællesskaber kan isolere den unge fra jævnaldrende og fra hjælp.",
        child=True,
        young=True,
    ),
    sign(
        "tegn-rygter-online",
        "digital",
        "Frygter rygter og billeder på nettet",
        "Personen er bange for, at billeder eller rygter spredes i miljøet eller til familien.",
        "Trusler om at dele billeder eller oplysninger er et magtmiddel. Tag frygten alvorligt, og inddrag "
        "politiet ved trusler.",
        young=True,
        adult=True,
        links=["politiet-114"],
    ),
    # Kontrol af påklædning, omgangskreds og fritid
    sign(
        "tegn-omgangskreds-styres",
        "social_control",
        "Omgangskredsen bliver bestemt af andre",
        "Personen må kun se bestemte venner, eller venner af det andet køn er forbudt.",
        "Når andre bestemmer, hvem man må være sammen med, begrænses livet. Spørg, hvem personen gerne "
        "ville se, og hvad der sker, hvis hun eller han gør det.",
        child=True,
        young=True,
        adult=True,
    ),
    sign(
        "tegn-paklaedning",
        "social_control",
        "Påklædning og udseende bliver kontrolleret",
        "Personen må ikke selv vælge tøj, frisure eller makeup og bliver straffet for at gøre det.",
        "Det er ikke påklædningen i sig selv, der er tegnet, men tvangen og sanktionerne bag den.",
        child=True,
        young=True,
        adult=True,
    ),
    sign(
        "tegn-overvaget-af-netvaerk",
        "social_control",
        "Bliver overvåget af søskende og netværk",
        "Brødre, fætre eller naboer holder øje med personen og rapporterer til familien.",
        "Kontrollen udøves ofte af flere. En sikkerhedsplan må tage højde for, at mange kan kende til "
        "personens færden.",
        young=True,
        adult=True,
    ),
    sign(
        "tegn-oekonomisk-kontrol",
        "social_control",
        "Har ingen rådighed over egne penge",
        "Løn, SU eller ydelser bliver styret af andre, og personen har ikke adgang til egen konto.",
        "Økonomisk kontrol gør det svært at bryde ud. Spørg til, hvem der har adgang til personens MitID og bank.",
        young=True,
        adult=True,
    ),
    sign(
        "tegn-ma-ikke-ga-ud",
        "social_control",
        "Må ikke gå ud om aftenen eller i fritiden",
        "Personens fritid er skemalagt eller forbudt, og hun eller han skal altid være hjemme.",
        "Aldersvarende frihed i fritiden er en del af en sund udvikling. Vær opmærksom på strenge udetider, "
        "der håndhæves med straf.",
        child=True,
        young=True,
        adult=True,
    ),
    # Planlagt rejse til udlandet
    sign(
        "tegn-lang-rejse",
        "travel",
        "Planlagt lang rejse til forældrenes hjemland",
        "Barnet fortæller om en rejse af ukendt varighed, eller skolen får besked om langt fravær.",
        "Ophold i udlandet mod barnets vilje kan være en genopdragelsesrejse eller føre til et ægteskab. "
        "At sende et barn ud af landet til forhold, der bringer barnets sundhed eller udvikling i alvorlig fare, "
        "er strafbart. Handl før rejsen: kontakt sikkerhedskonsulenterne og overvej underretning.",
        child=True,
        young=True,
        links=["straffeloven-215-a", "redskab-tjekliste-udlandsrejse", "sikkerhedskonsulenterne"],
    ),
    sign(
        "tegn-pas-inddraget",
        "travel",
        "Passet er taget fra personen",
        "Familien har personens pas eller opholdsdokumenter.",
        "Uden pas kan personen ikke selv bestemme over rejser. Notér, hvem der har dokumenterne.",
        young=True,
        adult=True,
    ),
    sign(
        "tegn-frygt-ferie",
        "travel",
        "Frygt for den kommende ferie",
        "Den unge er bange for sommerferien eller for at skulle besøge familie i udlandet.",
        "Frygt op til en ferie skal tages alvorligt. Spørg, om den unge ved, hvornår hun eller han skal hjem igen.",
        child=True,
        young=True,
        links=["redskab-tjekliste-udlandsrejse"],
    ),
    # Trusler
    sign(
        "tegn-trusler-om-vold",
        "threats",
        "Trusler om vold eller drab",
        "Personen fortæller om trusler mod hende eller ham eller mod en kæreste.",
        "Trusler i en æresrelateret konflikt kan blive ført ud i livet. Ved akut fare: ring 112. Ellers "
        "politiet på 114 og sikkerhedskonsulenterne.",
        child=True,
        young=True,
        adult=True,
        links=["politiet-112", "sikkerhedskonsulenterne"],
    ),
    sign(
        "tegn-trussel-udstoedelse",
        "threats",
        "Trusler om at blive udstødt eller sendt væk",
        "Personen får at vide, at hun eller han mister familien eller bliver sendt til udlandet.",
        "Truslen om at miste alt kan holde en person fast. Den er et tegn på negativ social kontrol, også "
        "selv om der ikke trues med vold.",
        child=True,
        young=True,
        adult=True,
        links=["straffeloven-243"],
    ),
    sign(
        "tegn-har-flygtet",
        "threats",
        "Har forsøgt at flygte eller søger beskyttelse",
        "Personen er stukket af hjemmefra eller beder om hjælp til at finde et sikkert sted.",
        "Et flugtforsøg øger ofte risikoen. Hjælp med at finde et sikkert sted, og kontakt RED Safehouse eller "
        "et krisecenter efter aftale med personen.",
        young=True,
        adult=True,
        links=["red-safehouse"],
    ),
]

"""The national entries of the actors directory, loaded by a data migration (0002) and kept in step with the
knowledge base's contacts (tryg/knowledge/content/contacts.py), where each fact has its source. `verified=False`
marks an entry whose offer or number could not be confirmed against a source."""

NATIONAL_ACTORS = [
    {
        "slug": "nordjyllands-politi",
        "name": "Nordjyllands Politi",
        "kind": "police",
        "offers": "Politikredsen for Nordjylland. Anmeldelser, trusler, tvang; kontaktpersoner med viden om "
        "æresrelaterede sager (ring 114 og bed om dem). Ved akut fare: 112.",
        "phone": "114",
        "url": "https://politi.dk/nordjyllands-politi",
        "hours": "Døgnet rundt",
    },
    {
        "slug": "red-safehouse",
        "name": "RED Safehouse",
        "kind": "shelter",
        "offers": "Hemmelige, sikrede opholdssteder for unge mellem 16 og 30 år på flugt fra en æresrelateret "
        "konflikt; drives af RED Center mod æresrelaterede konflikter. Modtager henvendelser døgnet rundt.",
        "url": "http://red-safehouse.dk/om-os/",
        "hours": "Døgnet rundt",
    },
    {
        "slug": "etnisk-ung",
        "name": "Etnisk Ung (LOKK)",
        "kind": "advice",
        "offers": "Anonym rådgivning om æresrelaterede konflikter og negativ social kontrol til unge, pårørende "
        "og fagpersoner; drevet af LOKK.",
        "url": "https://etniskung.dk",
    },
    {
        "slug": "lev-uden-vold",
        "name": "Lev Uden Vold – national hotline",
        "kind": "advice",
        "offers": "Gratis og anonym rådgivning om vold i nære relationer; overblik over ledige pladser på krisecentre.",
        "phone": "1888",
        "url": "https://levudenvold.dk",
        "hours": "Døgnet rundt",
    },
    {
        "slug": "krisecentre",
        "name": "Krisecentre for voldsudsatte",
        "kind": "shelter",
        "offers": "Midlertidigt ophold og støtte til voldsudsatte. Ledige pladser findes gennem Lev Uden Vold "
        "(1888). Krisecentrene er ikke samlet ét sted i kataloget: tilføj kommunens lokale krisecenter selv.",
        "phone": "1888",
        "verified": False,
    },
    {
        "slug": "viso",
        "name": "VISO – national videns- og specialrådgivning",
        "kind": "authority",
        "offers": "Specialrådgivning til kommuner, fagpersoner og borgere i komplicerede sager. Om rådgivningen "
        "også omfatter risikovurdering, er ikke kontrolleret.",
        "phone": "72 42 40 00",
        "url": "https://www.sbst.dk/viso",
        "hours": "Mandag, tirsdag, torsdag og fredag kl. 9–11.30",
        "verified": False,
    },
    {
        "slug": "maerk",
        "name": "MÆRK – Nationalt Center mod Æresrelaterede Konflikter",
        "kind": "authority",
        "offers": "Koordinerer siden 1. januar 2024 indsatsen mod æresrelaterede konflikter og negativ social "
        "kontrol; rådgiver fagfolk, blandt andet gennem Rejseholdet. Hører under SIRI.",
        "url": "https://nc-maerk.dk/om-os/",
    },
    {
        "slug": "familieretshuset",
        "name": "Familieretshuset",
        "kind": "authority",
        "offers": "Sager om forældremyndighed, bopæl og samvær. Tilbuddet er ikke kontrolleret mod en kilde her.",
        "url": "https://familieretshuset.dk",
        "verified": False,
    },
    {
        "slug": "ankestyrelsen",
        "name": "Ankestyrelsen",
        "kind": "authority",
        "offers": "Kan kontaktes, hvis kommunen ikke reagerer på en bekymring for et barn.",
        "url": "https://ast.dk",
        "verified": False,
    },
]

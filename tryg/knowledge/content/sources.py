"""Where the facts of the law register come from: one constant per source that was read.

Each provision names the source it was checked against in `source_url`. Where only a secondary page
could be read, the provision says so by `verified=False` (see provisions.py and the README's notes).
"""

# Consolidated laws (Retsinformation)
BARNETS_LOV = "https://www.retsinformation.dk/eli/lta/2025/282"  # LBK nr 282 af 17/03/2025
SERVICELOVEN = "https://www.retsinformation.dk/eli/lta/2024/909"  # LBK nr 909 af 2024 (persons over 18)
# The last consolidation that still held the child provisions (named in L 95 2023-24, § 1).
SERVICELOVEN_2023 = "https://www.retsinformation.dk/eli/lta/2023/1089"  # LBK nr 1089 af 16/08/2023
STRAFFELOVEN = "https://www.retsinformation.dk/eli/lta/2024/434"  # LBK nr 434 af 25/04/2024
FORVALTNINGSLOVEN = "https://www.retsinformation.dk/eli/lta/2014/433"  # LBK nr 433 af 22/04/2014
NSK_2021 = "https://www.retsinformation.dk/eli/lta/2021/415"  # LOV nr 415 af 13/03/2021

# Bills and guidance
L14_2013 = "https://ft.dk/samling/20131/lovforslag/l14/20131_l14_som_fremsat.htm"  # serviceloven § 12 a
L95_2023 = "https://ft.dk/samling/20231/lovforslag/l95/20231_l95_som_fremsat.htm"  # sikkerhedskonsulenter
L95_2023_ANSWER_11 = "https://ft.dk/samling/20231/lovforslag/L95/spm/11/svar/2020748/2821814/index.htm"
BARNETS_LOV_GUIDANCE = "https://regelrytter.dk/https-www-retsinformation-dk-api-pdf-244358"  # VEJ nr 9471/2024
SM_ASSESSMENT_24H = (
    "https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/underretningspligt/kommunens-pligt"
)
LOV_215A = (
    "https://www.lovguiden.dk/loven/lov-om-%C3%A6ndring-af-straffeloven-og-lov-om-pas-til-danske-statsborgere-mv-"
    "kriminalisering-af-udlandsophold-der-bringer-et-barns-sundhed-eller-udvikling-i-alvorlig-fare/1"
)  # LOV nr 1542 af 18/12/2018
DOMSTOL_215A = (
    "https://domstol.dk/oestrelandsret/aktuelt/2021/3/frifindelse-i-sag-vedroerende-en-saakaldt-genopdragelsesrejse/"
)

# Secondary pages that quote the law text (used where the consolidation itself could not be read here)
STRAFFELOVEN_KAP_26 = "https://familieadvokaten.dk/docs/Lovsamling/Straffeloven_kap_26.html"
STRFL_243_2019 = "https://bistandsadvokaten.dk/er-du-offer-for-psykisk-vold/"
STRFL_243_NOW = "https://www.njordlaw.com/da/privat/familie-og-arveret/psykisk-vold"
STRFL_261 = "https://retsadvokaterne.dk/frihedsberoevelse/"
STRFL_266 = "https://hviidadvokater.dk/%C2%A7266-trusler/"
SEL_12A_TEXT = "https://danskelove.dk/serviceloven/12a"
SEL_12C_TEXT = "https://elov.dk/serviceloven/paragraf/12c"
SEL_152_154_TEXT = "https://danskelove.dk/serviceloven/152-154"
FVL_28_TEXT = "https://elov.dk/forvaltningsloven/28/"
SEL_154_NOW_135 = (
    "https://regionsyddanmark.dk/fagfolk/det-naere-sundhedsvaesen/samarbejdsaftaler-og-forlobsprogrammer/"
    "born-og-unge/underretning-ved-mistanke-om-born-og-unges-forhold"
)
RECEIPT_PRACTICE = "https://www.laesoe.dk/borger/familie-boern-og-unge/underretningspligt-boern-og-unge"

# Organisations
MAERK = "https://nc-maerk.dk/om-os/"
MAERK_CONSULTANTS = "https://nc-maerk.dk/raadgivningstilbud/sikkerhedskonsulenterne/"
RED_SAFEHOUSE = "http://red-safehouse.dk/om-os/"
RED_CENTER = "https://www.transviden.dk/b-120-2019-spgsm-1/"
LEV_UDEN_VOLD = "https://levudenvold.dk/aktuelt/nyheder/lev-uden-vold-modtog-i-2022-rekordmange-opkald/"
VISO = "https://www.sbst.dk/viso/kontakt-og-henvendelse/soeg-raadgivning-/inden-du-henvender-dig-"
ANKESTYRELSEN_PRACTICE = "https://kreds105.dk/loen-og-arbejde/dit-job/underretningspligt"

# Who checked the seed content against the sources, and when.
CHECKED_BY = "Tryg-redaktionen (gennemgang efter issue 9)"

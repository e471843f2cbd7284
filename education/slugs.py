"""The education pages that flags and intake questions link to, by stable slug.

Rules, intake questions and the review queue name pages only through these constants; a
test checks each one exists and is published, so a renamed page cannot break a link.
"""

from collections.abc import Iterable

TOPIC_CLONAZEPAM = "clonazepam"

AT_A_GLANCE = "clonazepam-at-a-glance"
DOSE_RANGE = "where-1-mg-sits-in-the-dose-range"
WHAT_CHANGES_DOSE = "what-changes-the-right-dose"
WHAT_TO_EXPECT = "what-to-expect-and-when"
SIDE_EFFECTS_SAFETY = "side-effects-driving-falls-and-memory"
ONCE_OR_DIVIDED = "once-daily-or-divided-doses"
STOPPING_SAFELY = "tolerance-dependence-and-stopping-safely"
DOSE_TOO_HIGH_OR_LOW = "signs-a-dose-may-be-too-much-or-too-little"
ALCOHOL_OPIOIDS_SEDATIVES = "alcohol-opioids-and-other-sedatives"
OLDER_ADULTS = "older-adults-and-benzodiazepines"
ALTERNATIVES = "alternatives-to-benzodiazepines"
GETTING_HELP_NOW = "getting-help-now"
PREGNANCY_BREASTFEEDING = "pregnancy-and-breastfeeding"
MISSED_DOSES = "if-you-miss-a-dose"
STORING_SAFELY = "storing-sharing-and-getting-rid-of-it-safely"
NALOXONE = "naloxone-when-opioids-are-in-the-home"
TABLET_STRENGTHS = "tablet-strengths-and-the-dissolving-tablet"
STREET_PILLS = "street-bars-and-counterfeit-pills"
KRATOM_PHENIBUT = "kratom-and-phenibut"

LINKED_SLUGS = (
    AT_A_GLANCE,
    DOSE_RANGE,
    WHAT_CHANGES_DOSE,
    WHAT_TO_EXPECT,
    SIDE_EFFECTS_SAFETY,
    ONCE_OR_DIVIDED,
    STOPPING_SAFELY,
    DOSE_TOO_HIGH_OR_LOW,
    ALCOHOL_OPIOIDS_SEDATIVES,
    OLDER_ADULTS,
    ALTERNATIVES,
    GETTING_HELP_NOW,
    PREGNANCY_BREASTFEEDING,
    MISSED_DOSES,
    STORING_SAFELY,
    NALOXONE,
    TABLET_STRENGTHS,
    STREET_PILLS,
    KRATOM_PHENIBUT,
)

# Pages a flag's patient should also read, beyond the flag's own page ("pages for you").
# A rule names one page (its ``education``); these add the practical next step.
# A benzodiazepine not prescribed to the patient, or drug use on the DAST-10, may mean
# pills from outside a pharmacy: the street-pills page says why that can kill.
FLAG_PAGES = {
    "pregnancy_benzo": (PREGNANCY_BREASTFEEDING,),
    "opioid_benzo": (NALOXONE,),
    "misuse_signals": (STORING_SAFELY, STREET_PILLS),
    "withdrawal_risk": (MISSED_DOSES,),
    "dast_moderate": (STREET_PILLS, KRATOM_PHENIBUT),
}
# A "possible" flag (a rule on an unconfirmed medicine name) brings the same pages.
FLAG_PAGES |= {
    f"possible_{code}": pages
    for code, pages in FLAG_PAGES.items()
    if code in ("pregnancy_benzo", "opioid_benzo", "misuse_signals")
}

# Substances with a page of their own, by the catalog's generic name
# (intake/clinical/catalog_data.py; a test checks each name is in the catalog). A flag
# about a combination or a benzodiazepine links here when the patient named one of them.
SUBSTANCE_PAGES = {
    "kratom": KRATOM_PHENIBUT,
    "phenibut": KRATOM_PHENIBUT,
    "alprazolam-like street tablets": STREET_PILLS,  # street "bars"
    "bromazolam": STREET_PILLS,
    "clonazolam": STREET_PILLS,
    "diclazepam": STREET_PILLS,
    "etizolam": STREET_PILLS,
    "flualprazolam": STREET_PILLS,
    "flubromazepam": STREET_PILLS,
    "flubromazolam": STREET_PILLS,
}


def page_about(generics: Iterable[str | None], default: str) -> str:
    """The page about the first of these substances that has its own, else ``default``."""
    return next((SUBSTANCE_PAGES[g] for g in generics if g in SUBSTANCE_PAGES), default)

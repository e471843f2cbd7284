"""Citations, one string per source, as the flag table in DESIGN.md names them.

Numbers and wording: shared/clinical-reference.md. Items marked (secondary) there were
seen only in a secondary copy; the rules that lean on them say so beside the citation.
"""

FDA_2016_2020 = "FDA Drug Safety Communication, 31 Aug 2016 and 23 Sep 2020"
FDA_2020 = "FDA Drug Safety Communication, 23 Sep 2020 (benzodiazepine boxed warning)"
BEERS_2023 = "AGS Beers Criteria 2023 (J Am Geriatr Soc 71:2052, doi 10.1111/jgs.18372)"
KLONOPIN_LABEL = "KLONOPIN (clonazepam) FDA prescribing information, revised 1/2023"
EQUIVALENCE = "Benzodiazepine equivalence: Ashton 2002; VA/DoD 2021"
NIDA = "NIDA, Benzodiazepines and Opioids"
BRETT_MURNION = "Brett & Murnion 2015, Aust Prescr 38:152 (PMC4657308)"
ARTICLE = "Patient-education article on clonazepam dosing (shared seed article)"
PHQ_9 = (
    "PHQ-9 item 9 (Kroenke 2001, J Gen Intern Med 16:606; "
    "Simon 2013, doi 10.1176/appi.ps.201200587)"
)
CSSRS = "C-SSRS screener (Columbia Suicide Severity Rating Scale)"
AUDIT_C = "AUDIT-C (Bush 1998; Bradley 2003)"
DAST_10 = "DAST-10 (Skinner 1982, Addict Behav 7:363)"
GAD_7 = "GAD-7 (Spitzer 2006, Arch Intern Med 166:1092)"
KLONOPIN_LABEL_PREGNANCY = (
    "KLONOPIN (clonazepam) FDA prescribing information, revised 1/2023, sections 8.1 "
    "(Pregnancy) and 8.2 (Lactation)"
)
ACOG_2023 = "ACOG Clinical Practice Guideline No. 5 (2023), perinatal mental health conditions"
FDA_2017_MAT = (
    "FDA Drug Safety Communication, 20 Sep 2017 (buprenorphine and methadone with "
    "benzodiazepines or other CNS depressants)"
)
PHQ_9_SEVERITY = "PHQ-9 severity bands (Kroenke 2001, J Gen Intern Med 16:606)"
RXNORM_MATCHING = (
    "NLM RxNorm approximate matching (RxNav): a matched name is shown back for confirmation, "
    "never silently substituted"
)
UNCONFIRMED_NAME = (
    "safety net: an unconfirmed, declined or ambiguous medicine name counted as what it may "
    "be until the patient confirms or denies it"
)
ASAM_TAPERING_2025 = (
    "Joint Clinical Practice Guideline on Benzodiazepine Tapering (ASAM and partner "
    "societies, 2025)"
)
CDC_2022_PDMP = (
    "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022 (check the PDMP)"
)
CANMAT_ISBD_2018 = "CANMAT/ISBD 2018 guidelines for bipolar disorder"
STIMULANT_LABELS = (
    "Amphetamine and methylphenidate FDA prescribing information (warnings: manic or mixed "
    "episodes, psychosis)"
)
BUPROPION_LABEL = (
    "Bupropion FDA prescribing information (contraindicated with a current or prior "
    "diagnosis of bulimia or anorexia nervosa: seizure risk)"
)
ALLERGY_SAFETY_NET = (
    "safety net: a reported allergy to a listed medicine, or for benzodiazepines the class, "
    "is a stop-and-ask item (true benzodiazepine allergy is rare)"
)
MISSING_ITEMS = (
    "missing items: the answered items' sum is a minimum; PHQ-9 and GAD-7 totals are commonly "
    "prorated with one or two items missing (mean of the answered items x number of items)"
)

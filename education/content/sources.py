"""The sources the seed pages cite, by key. Fields match ``education.models.Source``.

Where a year or address is not known for certain it is left empty rather than guessed.
The seed article lists the Cleveland Clinic page under the name "Mayo Clinic"; its
address is Cleveland Clinic's, so it is cited here as Cleveland Clinic.
"""

SOURCES = {
    "fda_label": {
        "title": "KLONOPIN (clonazepam) tablets: full prescribing information, revised 1/2023",
        "publisher": "U.S. Food and Drug Administration",
        "year": 2023,
        "url": "https://www.accessdata.fda.gov/drugsatfda_docs/label/2023/017533s062lbl.pdf",
    },
    "fda_2016": {
        "title": (
            "FDA Drug Safety Communication: FDA warns about serious risks and death when "
            "combining opioid pain or cough medicines with benzodiazepines"
        ),
        "publisher": "U.S. Food and Drug Administration",
        "year": 2016,
        "url": (
            "https://www.fda.gov/drugs/drug-safety-and-availability/"
            "fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-"
            "combining-opioid-pain-or"
        ),
    },
    "fda_2020": {
        "title": (
            "FDA requiring Boxed Warning updated to improve safe use of benzodiazepine drug class"
        ),
        "publisher": "U.S. Food and Drug Administration",
        "year": 2020,
        "url": (
            "https://www.fda.gov/drugs/drug-safety-and-availability/"
            "fda-requiring-boxed-warning-updated-improve-safe-use-benzodiazepine-drug-class"
        ),
    },
    "beers_2023": {
        "title": (
            "American Geriatrics Society 2023 updated AGS Beers Criteria for potentially "
            "inappropriate medication use in older adults (J Am Geriatr Soc 2023;71(7):2052-2081)"
        ),
        "publisher": "American Geriatrics Society Beers Criteria Update Expert Panel",
        "year": 2023,
        "url": "https://pubmed.ncbi.nlm.nih.gov/37139824/",
    },
    "nida": {
        "title": "Benzodiazepines and opioids",
        "publisher": "National Institute on Drug Abuse (NIDA)",
        "year": None,
        "url": "https://nida.nih.gov/research-topics/opioids/benzodiazepines-opioids",
    },
    "nimh": {
        "title": "Anxiety disorders",
        "publisher": "National Institute of Mental Health (NIMH)",
        "year": None,
        "url": "https://www.nimh.nih.gov/health/topics/anxiety-disorders",
    },
    "brett_2015": {
        "title": "Management of benzodiazepine misuse and dependence (Brett J, Murnion B)",
        "publisher": "Australian Prescriber",
        "year": 2015,
        "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC4657308/",
    },
    "lynch_2020": {
        "title": (
            "Brief interventions targeting long-term benzodiazepine and Z-drug use in primary "
            "care: a systematic review and meta-analysis (Lynch T, et al.)"
        ),
        "publisher": "Addiction",
        "year": 2020,
        "url": "https://onlinelibrary.wiley.com/doi/10.1111/add.14981",
    },
    "cleveland": {
        "title": "Clonazepam tablets",
        "publisher": "Cleveland Clinic",
        "year": None,
        "url": "https://my.clevelandclinic.org/health/drugs/19749-clonazepam-tablets",
    },
    "stewart_2005": {
        "title": "The effects of benzodiazepines on cognition (Stewart SA)",
        "publisher": "Journal of Clinical Psychiatry",
        "year": 2005,
        "url": "https://pubmed.ncbi.nlm.nih.gov/15762814/",
    },
    "ashton_2002": {
        "title": "Benzodiazepines: how they work and how to withdraw (the Ashton Manual)",
        "publisher": "Ashton CH, Newcastle University",
        "year": 2002,
        "url": "https://www.benzo.org.uk/manual/",
    },
    "va_dod_2021": {
        "title": "Benzodiazepine dose equivalence table",
        "publisher": "U.S. Department of Veterans Affairs and Department of Defense (VA/DoD)",
        "year": 2021,
        "url": "",
    },
    "spitzer_2006": {
        "title": (
            "A brief measure for assessing generalized anxiety disorder: the GAD-7 "
            "(Spitzer RL, et al.; Arch Intern Med 166:1092)"
        ),
        "publisher": "Archives of Internal Medicine",
        "year": 2006,
        "url": "",
    },
    "lifeline_988": {
        "title": "988 Suicide & Crisis Lifeline",
        "publisher": "Substance Abuse and Mental Health Services Administration (SAMHSA)",
        "year": 2022,
        "url": "https://988lifeline.org/",
    },
    "veterans_crisis_line": {
        "title": "Veterans Crisis Line",
        "publisher": "U.S. Department of Veterans Affairs",
        "year": None,
        "url": "https://www.veteranscrisisline.net/",
    },
}

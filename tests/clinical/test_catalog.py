"""Medication catalog: contents, and matching typed names (brands, case, misspellings)."""

import pytest

from intake.clinical import catalog_data
from intake.clinical.catalog import build_index, match, match_medicine, normalise
from tests.clinical.helpers import ENTRIES

BY_GENERIC = {entry.generic: entry for entry in ENTRIES}


@pytest.mark.parametrize(
    ("typed", "generic"),
    [
        ("clonazepam", "clonazepam"),
        ("Klonopin", "clonazepam"),
        ("KLONOPIN", "clonazepam"),
        ("klono-pin", "clonazepam"),
        ("  Klonopin. ", "clonazepam"),
        ("clonazapam", "clonazepam"),
        ("Klonopin 0.5 mg tablets", "clonazepam"),
        ("Xanax", "alprazolam"),
        ("Xanax XR", "alprazolam"),
        ("zanax", "alprazolam"),
        ("Ativan", "lorazepam"),
        ("Valium", "diazepam"),
        ("Percocet", "oxycodone"),
        ("Tylenol #3", "codeine"),
        ("Suboxone", "buprenorphine/naloxone"),
        ("Ambien CR", "zolpidem"),
        ("Lyrica", "pregabalin"),
        ("Zoloft", "sertraline"),
        ("Effexor XR", "venlafaxine"),
        ("Seroquel", "quetiapine"),
        ("Soma", "carisoprodol"),
        ("Vistaril", "hydroxyzine"),
        ("Onfi", "clobazam"),
    ],
    ids=lambda v: v.strip() or "blank",
)
def test_a_typed_name_finds_its_catalog_entry(typed, generic):
    assert match(typed, ENTRIES).generic == generic


@pytest.mark.parametrize(
    "typed",
    ["vitamin D", "Tylenol", "fish oil 1000 mg", "Percocet and Xanax", "", "mg"],
    ids=["supplement", "brand-without-codeine", "words-unknown", "two-drugs-in-one-line",
         "empty", "too-short-a-word"],
)  # fmt: skip
def test_an_unknown_or_ambiguous_name_matches_nothing(typed):
    assert match(typed, ENTRIES) is None


def test_normalising_ignores_case_spaces_punctuation_and_accents():
    assert normalise(" Clonazépam-0.5 MG ") == "clonazepam05mg"


def test_no_name_in_the_catalog_means_two_different_drugs():
    owners: dict[str, set[str]] = {}
    for entry in ENTRIES:
        for name in entry.names():
            owners.setdefault(normalise(name), set()).add(entry.generic)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


REQUIRED = {
    catalog_data.BENZO: ["alprazolam", "clonazepam", "lorazepam", "chlordiazepoxide",
                         "oxazepam", "temazepam", "clorazepate", "estazolam", "flurazepam",
                         "quazepam", "triazolam", "diazepam", "clobazam",
                         # designer benzodiazepines and street "bars": unknown potency
                         "etizolam", "clonazolam", "bromazolam", "flualprazolam",
                         "flubromazolam", "diclazepam", catalog_data.STREET_BARS],
    catalog_data.OPIOID: ["oxycodone", "hydrocodone", "morphine", "codeine", "tramadol",
                          "tapentadol", "hydromorphone", "fentanyl", "methadone",
                          "buprenorphine", "buprenorphine/naloxone",
                          # street and online: heroin, kratom (opioid-like), "lean"
                          "heroin", "kratom", "promethazine/codeine", "oxymorphone"],
    catalog_data.Z_DRUG: ["zolpidem", "eszopiclone", "zaleplon", "zopiclone"],
    catalog_data.GABAPENTINOID: ["gabapentin", "pregabalin"],
    catalog_data.SSRI: ["sertraline", "escitalopram", "fluoxetine", "paroxetine", "citalopram"],
    catalog_data.SNRI: ["venlafaxine", "duloxetine"],
    catalog_data.BUSPIRONE: ["buspirone"],
    catalog_data.ANTIPSYCHOTIC: ["quetiapine", "olanzapine", "aripiprazole", "risperidone",
                                 "haloperidol", "clozapine", "brexpiprazole", "cariprazine",
                                 "lurasidone", "ziprasidone", "paliperidone"],
    catalog_data.STIMULANT: ["amphetamine/dextroamphetamine", "amphetamine",
                             "dextroamphetamine", "lisdexamfetamine", "methylphenidate",
                             "dexmethylphenidate", "methamphetamine", "cocaine"],
    catalog_data.MOOD_STABILISER: ["lithium", "valproate", "carbamazepine", "lamotrigine"],
    catalog_data.ANTIEPILEPTIC: ["topiramate"],
    catalog_data.OTHER_SEDATIVE: ["phenibut"],
    catalog_data.OPIOID_ANTAGONIST: ["naltrexone"],
    catalog_data.BETA_BLOCKER: ["propranolol"],
    catalog_data.ALPHA1_BLOCKER: ["prazosin"],
    catalog_data.MUSCLE_RELAXANT: ["cyclobenzaprine", "baclofen", "carisoprodol",
                                   "methocarbamol", "tizanidine", "metaxalone",
                                   "orphenadrine", "chlorzoxazone"],
    catalog_data.BARBITURATE: ["phenobarbital", "butalbital", "secobarbital"],
    catalog_data.ANTIHISTAMINE: ["diphenhydramine", "hydroxyzine", "doxylamine",
                                 "promethazine", "chlorpheniramine", "meclizine"],
    catalog_data.OTHER_ANTIDEPRESSANT: ["mirtazapine", "trazodone", "bupropion"],
    catalog_data.OREXIN_ANTAGONIST: ["suvorexant", "lemborexant", "daridorexant"],
    catalog_data.ALPHA2_AGONIST: ["clonidine", "guanfacine"],
    catalog_data.OTHER: ["hydralazine", "celecoxib", "cetirizine"],
}  # fmt: skip


@pytest.mark.parametrize("drug_class", list(REQUIRED), ids=str)
def test_the_catalog_holds_every_required_drug_in_its_class(drug_class):
    assert {g: BY_GENERIC[g].drug_class for g in REQUIRED[drug_class]} == dict.fromkeys(
        REQUIRED[drug_class], drug_class
    )


# clinical-reference.md section 5: (Ashton 2002, VA/DoD 2021), mg ~ diazepam 10 mg.
EQUIVALENCE_TABLE = {
    "alprazolam": ((0.5, 0.5), (1, 1)),
    "clonazepam": ((0.5, 0.5), (1, 1)),
    "lorazepam": ((1, 1), (2, 2)),
    "chlordiazepoxide": ((25, 25), (25, 25)),
    "oxazepam": ((20, 20), (30, 30)),
    "temazepam": ((20, 20), (15, 15)),
    "clorazepate": ((15, 15), (15, 15)),
    "estazolam": ((1, 2), (1, 1)),
    "flurazepam": ((15, 30), (15, 15)),
    "quazepam": ((20, 20), (10, 10)),
    "triazolam": ((0.5, 0.5), (0.25, 0.25)),
    "diazepam": ((10, 10), (10, 10)),
    "clobazam": ((20, 20), None),
}


@pytest.mark.parametrize("generic", list(EQUIVALENCE_TABLE), ids=str)
def test_benzodiazepines_carry_both_equivalence_tables_from_the_reference(generic):
    entry = BY_GENERIC[generic]
    assert (entry.ashton_mg, entry.vadod_mg) == EQUIVALENCE_TABLE[generic]


def test_clobazam_says_where_its_equivalent_comes_from():
    assert "NHS Scotland" in BY_GENERIC["clobazam"].equivalence_note


def test_only_benzodiazepines_have_equivalents():
    assert {e.generic for e in ENTRIES if e.ashton_mg or e.vadod_mg} == set(EQUIVALENCE_TABLE)


@pytest.mark.parametrize(
    ("generic", "cns_active"),
    [("clonazepam", True), ("gabapentin", True), ("sertraline", True), ("quetiapine", True),
     ("baclofen", True), ("zolpidem", True), ("oxycodone", True), ("buspirone", False),
     ("hydroxyzine", False), ("phenobarbital", True), ("butalbital", False),
     ("diphenhydramine", False), ("mirtazapine", False), ("trazodone", False),
     ("suvorexant", False), ("clonidine", False), ("metaxalone", True),
     ("buprenorphine/naloxone", True), ("hydralazine", False)],
    ids=str,
)  # fmt: skip
def test_cns_active_follows_the_beers_classes(generic, cns_active):
    assert BY_GENERIC[generic].cns_active is cns_active


def test_a_prebuilt_index_matches_like_the_entries():
    assert match("Klonopin", build_index(ENTRIES)) == match("Klonopin", ENTRIES)


# ---- match_medicine: how a name was matched ---------------------------------------------
INDEX = build_index(ENTRIES)


def test_a_generic_or_brand_is_exact_and_a_listed_misspelling_is_an_alias():
    assert (match_medicine("Klonopin", INDEX).kind, match_medicine("zanax", INDEX).kind) == (
        "exact",
        "alias",
    )


def test_a_close_misspelling_is_corrected_with_a_score_and_a_question():
    found = match_medicine("klonazepam", INDEX)
    assert (found.kind, found.generic, found.question) == (
        "corrected",
        "clonazepam",
        "Did you mean clonazepam (Klonopin)?",
    )
    assert 0.8 <= found.score < 1


def test_the_question_names_the_brand_the_patient_meant():
    assert match_medicine("Restoral", INDEX).display_name == "temazepam (Restoril)"


def test_a_corrected_name_counts_only_once_confirmed():
    found = match_medicine("Oxycodine", INDEX)
    assert [found.used_entry(c) for c in (None, False)] == [None, None]
    assert found.used_entry(True).generic == "oxycodone"
    assert match("Oxycodine", INDEX) is None


def test_a_line_naming_two_drugs_is_ambiguous_with_both_candidates():
    found = match_medicine("Percocet and Xanax", INDEX)
    assert (found.kind, found.generic, found.candidates) == (
        "ambiguous",
        None,
        ("alprazolam", "oxycodone"),
    )


def test_a_class_word_names_the_class_but_no_drug():
    found = match_medicine("benzos", INDEX)
    assert (found.kind, found.generic, found.drug_class) == ("class", None, "benzodiazepine")


def test_nothing_close_is_none_and_keeps_the_words():
    found = match_medicine("chamomile tea", INDEX)
    assert (found.kind, found.generic, found.text, found.score) == (
        "none",
        None,
        "chamomile tea",
        None,
    )


SEDATING = ["phenobarbital", "butalbital", "diphenhydramine", "doxylamine", "hydroxyzine",
            "promethazine", "mirtazapine", "trazodone", "quetiapine", "cyclobenzaprine",
            "carisoprodol", "methocarbamol", "baclofen", "tizanidine", "clonidine",
            "suvorexant", "lemborexant", "daridorexant", "buprenorphine",
            "buprenorphine/naloxone", "methadone"]  # fmt: skip


@pytest.mark.parametrize("generic", SEDATING, ids=str)
def test_the_sedatives_patients_take_are_marked_sedating(generic):
    assert BY_GENERIC[generic].sedating is True


@pytest.mark.parametrize("generic", ["hydralazine", "celecoxib", "cetirizine", "lamotrigine"])
def test_look_alike_medicines_are_not_sedating(generic):
    assert BY_GENERIC[generic].sedating is False


# ---- street, online and designer names (issue 22; clinical-reference.md section 9) ---------
DESIGNER = ["etizolam", "clonazolam", "bromazolam", "flualprazolam", "flubromazolam",
            "flubromazepam", "diclazepam", catalog_data.STREET_BARS]  # fmt: skip


@pytest.mark.parametrize("generic", DESIGNER, ids=str)
def test_designer_benzodiazepines_have_no_diazepam_equivalent_and_say_unknown_potency(generic):
    entry = BY_GENERIC[generic]
    assert entry.is_benzodiazepine and entry.unknown_potency
    assert entry.equivalence_tables == {} and "nknown potency" in entry.equivalence_note


def test_every_benzodiazepine_of_the_equivalence_tables_has_a_known_potency():
    assert not [g for g in EQUIVALENCE_TABLE if BY_GENERIC[g].unknown_potency]


@pytest.mark.parametrize(
    ("typed", "kind", "generic"),
    [
        # A known substance is itself, never a correction onto an approved drug.
        ("etizolam", "exact", "etizolam"),
        ("clonazolam", "exact", "clonazolam"),
        ("diclazepam", "exact", "diclazepam"),
        ("bromazolam", "exact", "bromazolam"),
        ("flualprazolam", "exact", "flualprazolam"),
        ("flubromazolam", "exact", "flubromazolam"),
        ("flubromazepam", "exact", "flubromazepam"),
        ("bars", "alias", catalog_data.STREET_BARS),
        ("heroin", "exact", "heroin"),
        ("kratom", "exact", "kratom"),
        ("kratom capsules", "alias", "kratom"),
        ("lean", "alias", "promethazine/codeine"),
        ("purple drank", "alias", "promethazine/codeine"),
        ("promethazine codeine", "exact", "promethazine/codeine"),
        ("promethazine with codeine syrup", "alias", "promethazine/codeine"),
        ("phenibut", "exact", "phenibut"),
        ("fent", "alias", "fentanyl"),
        ("Adderall", "exact", "amphetamine/dextroamphetamine"),
        ("Wellbutrin XL", "exact", "bupropion"),
        ("Depakote", "exact", "valproate"),
        ("lithium carbonate", "alias", "lithium"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_street_online_and_designer_names_match_their_own_entry(typed, kind, generic):
    found = match_medicine(typed, INDEX)
    assert (found.kind, found.generic) == (kind, generic)


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [
        ("clonazelam", ("clonazepam", "clonazolam")),  # one edit from each
        ("etazolam", ("estazolam", "etizolam")),
    ],
    ids=str,
)
def test_a_word_close_to_an_approved_and_a_designer_benzodiazepine_is_never_corrected(
    typed, candidates
):
    found = match_medicine(typed, INDEX)
    assert (found.kind, found.candidates) == ("ambiguous", candidates)


def test_no_correction_crosses_the_potency_gap_for_any_designer_name_one_edit_off():
    """Every one-letter slip of a designer name is corrected to it or left ambiguous: never
    to an approved benzodiazepine."""
    approved = {e.generic for e in ENTRIES if e.is_benzodiazepine and not e.unknown_potency}
    wrong = []
    for generic in DESIGNER[:-1]:
        for n in range(len(generic)):
            for typed in (generic[:n] + generic[n + 1 :], generic[:n] + "e" + generic[n + 1 :]):
                found = match_medicine(typed, INDEX)
                if found.kind == "corrected" and found.generic in approved:
                    wrong.append((typed, found.generic))
    assert wrong == []

"""The portal's adapter: the catalog as migrated, admin edits, evaluate_answers."""

from datetime import date

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse

from intake.clinical.case import CaseError
from intake.clinical.catalog import entries_from_data
from intake.evaluation import catalog_entries, evaluate_answers, match_medication
from intake.models import Medication

pytestmark = pytest.mark.django_db

ANSWERS = {
    "date_of_birth": "1958-04-02",
    "sex_at_birth": "female",
    "medications": [
        {"name": "Klonopin", "strength_mg": 0.5, "times_per_day": 2, "weeks_taking": 30},
        {"name": "oxycodone", "strength_mg": 5, "as_needed": True, "max_doses_per_day": 4},
    ],
    "gad_7": [1, 2, 1, 0, 3, 1, 2],
}


def test_the_migrated_catalog_is_the_shipped_catalog_data():
    by_name = {entry.generic: entry for entry in catalog_entries()}
    assert by_name == {entry.generic: entry for entry in entries_from_data()}


def test_evaluate_answers_scores_and_flags_the_stored_answers():
    result = evaluate_answers(ANSWERS, as_of=date(2026, 11, 25))
    assert (result["age"], result["priority"]) == (68, "urgent")
    assert {f["code"] for f in result["flags"]} >= {"opioid_benzo", "age65_benzo"}


def test_evaluate_answers_raises_case_error_naming_the_field():
    with pytest.raises(CaseError) as raised:
        evaluate_answers({"medications": [{"name": "Klonopin", "strength_mg": 0}]})
    assert raised.value.path == "medications[0].strength_mg"


def test_an_admin_edit_to_the_catalog_counts_at_once():
    assert match_medication("clonnies") is None  # the catalog as it was, read once
    clonazepam = Medication.objects.get(generic_name="clonazepam")
    clonazepam.aliases = ["clonnies"]
    clonazepam.save()  # as the admin saves it
    assert match_medication("clonnies").generic == "clonazepam"


def test_a_medicine_added_in_the_admin_is_matched():
    assert match_medication("Viibryd") is None
    Medication.objects.create(generic_name="vilazodone", brand_names=["Viibryd"],
                              drug_class="other", cns_active=True)  # fmt: skip
    assert match_medication("viibryd").drug_class == "other"


def test_an_unknown_medicine_matches_nothing():
    assert match_medication("chamomile tea") is None


def test_the_catalog_is_registered_in_the_admin():
    assert admin.site.is_registered(Medication)


def test_an_admin_can_open_a_catalog_entry(admin_client):
    clonazepam = Medication.objects.get(generic_name="clonazepam")
    response = admin_client.get(reverse("admin:intake_medication_change", args=[clonazepam.pk]))
    assert response.status_code == 200 and b"VA/DoD 2021" in response.content


def _edited(generic: str, **changes) -> Medication:
    medication = Medication.objects.get(generic_name=generic)
    for field, value in changes.items():
        setattr(medication, field, value)
    return medication


@pytest.mark.parametrize(
    ("generic", "changes", "field"),
    [
        ("clonazepam", {"brand_names": "Klonopin"}, "brand_names"),
        ("clonazepam", {"aliases": ["ok", ""]}, "aliases"),
        ("clonazepam", {"aliases": ["Xanax"]}, "aliases"),
        ("clonazepam", {"ashton_low_mg": None, "ashton_high_mg": 1}, "ashton_low_mg"),
        ("clonazepam", {"vadod_low_mg": 0}, "vadod_low_mg"),
        ("estazolam", {"ashton_high_mg": 0.5}, "ashton_high_mg"),
        ("sertraline", {"ashton_low_mg": 50}, "drug_class"),
    ],
    ids=["brands-not-a-list", "blank-alias", "alias-names-another-drug", "high-without-low",
         "zero-equivalent", "high-below-low", "equivalent-on-a-non-benzodiazepine"],
)  # fmt: skip
def test_the_admin_refuses_a_catalog_edit_that_would_mislead_the_rules(generic, changes, field):
    with pytest.raises(ValidationError) as raised:
        _edited(generic, **changes).full_clean()
    assert field in raised.value.message_dict


def test_a_sound_catalog_edit_passes_validation():
    _edited("clonazepam", aliases=["clonazapam", "k-pins"]).full_clean()


def test_the_models_drug_classes_are_the_catalog_datas():
    from intake.clinical.catalog_data import DRUG_CLASSES
    from intake.models.catalog import DrugClass

    assert list(DrugClass.values) == list(DRUG_CLASSES)


def test_the_portal_offers_the_correction_and_counts_it_once_confirmed():
    from intake.evaluation import medicine_match

    assert medicine_match("klonazepam").question == "Did you mean clonazepam (Klonopin)?"
    typed = {"name": "klonazepam", "strength_mg": 1, "times_per_day": 3}
    unconfirmed = evaluate_answers({"medications": [typed]})
    confirmed = evaluate_answers({"medications": [{**typed, "confirmed": True}]})
    assert [f["code"] for f in unconfirmed["flags"]] == ["unrecognised_medicine"]
    assert confirmed["medications"][0]["generic"] == "clonazepam" and confirmed["flags"] == []


def test_a_new_sedative_class_is_editable_in_the_admin(admin_client):
    butalbital = Medication.objects.get(generic_name="butalbital")
    url = reverse("admin:intake_medication_change", args=[butalbital.pk])
    response = admin_client.get(url)
    assert response.status_code == 200 and b"Barbiturate" in response.content


def test_the_catalog_carries_rxnorm_ingredient_codes_for_single_ingredients():
    codes = dict(Medication.objects.values_list("generic_name", "rxnorm"))
    coded = (codes["clonazepam"], codes["zolpidem"], codes["buprenorphine"])
    assert coded == ("2598", "39993", "1819")
    assert codes["buprenorphine/naloxone"] == "" and codes["clobazam"] == ""  # none given

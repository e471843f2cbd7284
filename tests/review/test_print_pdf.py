"""The printed pre-visit summary fits on two pages, A4 and Letter (Chromium's PDF print)."""

import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from intake.devtools.seed_cases import ARCHETYPES, DETAILS
from portal import roles
from tests.browser import sign_in
from tests.factories import make_intake, make_submitted_intake, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "quiet-harbour-print-2026"
ARTIFACTS = Path(__file__).parent.parent / ".artifacts"


def _submitted(patient, answers, details=None):
    from intake.services import intake_submit

    intake = make_intake(patient, answers=answers, details={**DETAILS, **(details or {})})
    return intake_submit(intake_id=intake.pk, patient=patient)


def _stat_with_three_flags(patient):
    """A STAT intake (imminent risk, every safety answer) that also takes an opioid with its
    benzodiazepine: three long flags."""
    answers = {
        **ARCHETYPES["stat_imminent"],
        "medications": ARCHETYPES["urgent_opioid"]["medications"],
    }
    intake = _submitted(patient, answers)
    assert len(intake.evaluation["flags"]) == 3
    return intake


def _every_optional_section(patient):
    """Three medicines and a flag, with every optional section answered at length: an
    allergy, the psychiatric history with three past medicines, the pharmacy, the goals."""
    past = [{"name": name, "helped": "some", "why_stopped": "Side effects: weight gain, tired"}
            for name in ("Paroxetine", "Sertraline", "Venlafaxine")]  # fmt: skip
    answers = {
        **ARCHETYPES["routine_cns_load"],
        "health": {**ARCHETYPES["routine_cns_load"]["health"], "medicine_allergies": True},
        "allergy_details": "Penicillin, a rash and swelling of the lips",
        "psych_history": {
            "diagnoses": ["depression", "panic", "ptsd"],
            "diagnoses_other": "",
            "hospital_stays": 2,
            "last_hospital_stay": "March 2019, depression",
            "past_medicines": past,
            "therapist": True,
            "therapist_name": "Jo Park, Albany Counselling",
        },  # fmt: skip
        "goals": {
            "hopes": "Sleep through the night and a plan to come off clonazepam slowly "
            "without the panic attacks coming back. " * 3,
            "worries": "Running out of my medicine before the next visit. " * 3,
        },  # fmt: skip
    }
    pharmacy = {"name": "Main Street Pharmacy", "phone": "+12025550199", "town": "Albany"}
    return _submitted(patient, answers, {"pharmacy": pharmacy})


BUILT = {"stat_three_flags": _stat_with_three_flags, "every_section": _every_optional_section}
# The optional sections' answers, printed whole.
PRINTED = {"every_section": ("Penicillin, a rash and swelling of the lips", "Venlafaxine",
                             "Jo Park, Albany Counselling", "Main Street Pharmacy",
                             "Running out of my medicine")}  # fmt: skip


# Typical intakes: three medicines and a flag, two medicines and an urgent flag; the
# longest: a STAT intake with three long flags and every safety answer, and three medicines
# with every optional section answered at length. Each is printed on both papers from the
# one page the psychiatrist opened.
@pytest.mark.parametrize("archetype", ["routine_cns_load", "urgent_opioid", "stat_imminent",
                                       "stat_three_flags", "every_section"])  # fmt: skip
def test_an_intake_prints_on_two_pages_at_most(page, archetype):
    make_user("dr.kim@clinic.example", groups=(roles.PSYCHIATRISTS,), password=PASSWORD)
    patient = make_user("pat@patients.example", groups=(roles.PATIENTS,), first_name="Pat",
                        last_name="Print")  # fmt: skip
    if archetype in BUILT:
        intake = BUILT[archetype](patient)
    else:
        intake = make_submitted_intake(patient, archetype=archetype)
    sign_in(page, "dr.kim@clinic.example", PASSWORD)
    page.goto(f"/review/i/{intake.public_id}/print/")
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, print_background=False)
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"print-{archetype}-{paper}.pdf").write_bytes(pdf)
        reader = PdfReader(io.BytesIO(pdf))
        # NFKC: the PDF's "fi" ligatures read as two letters; a line break is a space.
        text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages))
        text = " ".join(text.split())
        assert len(reader.pages) <= 2, (paper, len(reader.pages))
        # Nothing cut: the last section and the closing line are printed.
        for words in ("Pat Print", "Medications", "Other answers by section", "Status history",
                      "Confidential patient information", *PRINTED.get(archetype, ())):  # fmt: skip
            assert words in text, (paper, words)

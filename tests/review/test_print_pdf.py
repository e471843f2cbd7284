"""The printed pre-visit summary fits on two pages, A4 and Letter (Chromium's PDF print)."""

import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from intake.review.seed_cases import DETAILS
from portal import roles
from tests.browser import sign_in
from tests.factories import make_intake, make_submitted_intake, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "quiet-harbour-print-2026"
ARTIFACTS = Path(__file__).parent.parent / ".artifacts"


def _stat_with_three_flags(patient):
    """A STAT intake (imminent risk, every safety answer) that also takes an opioid with its
    benzodiazepine: three long flags."""
    from intake.review.seed_cases import ARCHETYPES
    from intake.services import intake_submit

    answers = {
        **ARCHETYPES["stat_imminent"],
        "medications": ARCHETYPES["urgent_opioid"]["medications"],
    }
    intake = make_intake(patient, answers=answers, details=dict(DETAILS))
    intake = intake_submit(intake_id=intake.pk, patient=patient)
    assert len(intake.evaluation["flags"]) == 3
    return intake


@pytest.mark.parametrize("paper", ["A4", "Letter"])
# Typical intakes: three medicines and a flag, two medicines and an urgent flag; and the
# longest: a STAT intake with three long flags and every safety answer.
@pytest.mark.parametrize("archetype", ["routine_cns_load", "urgent_opioid", "stat_imminent",
                                       "stat_three_flags"])  # fmt: skip
def test_an_intake_prints_on_two_pages_at_most(page, archetype, paper):
    make_user("dr.kim@clinic.example", groups=(roles.PSYCHIATRISTS,), password=PASSWORD)
    patient = make_user("pat@patients.example", groups=(roles.PATIENTS,), first_name="Pat",
                        last_name="Print")  # fmt: skip
    if archetype == "stat_three_flags":
        intake = _stat_with_three_flags(patient)
    else:
        intake = make_submitted_intake(patient, archetype=archetype)
    sign_in(page, "dr.kim@clinic.example", PASSWORD)
    page.goto(f"/review/i/{intake.public_id}/print/")
    pdf = page.pdf(format=paper, print_background=False)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"print-{archetype}-{paper}.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    # NFKC: the PDF's "fi" ligatures read as two letters.
    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages))
    assert len(reader.pages) <= 2, len(reader.pages)
    # Nothing cut: the last section and the closing line are printed.
    for words in ("Pat Print", "Medications", "Other answers by section", "Status history",
                  "Confidential patient information"):  # fmt: skip
        assert words in text

"""Valid answers for every intake page, as a browser would POST them, and a helper that
walks a whole intake through the Django test client."""

from django.urls import reverse

from intake.answers import SIDE_EFFECT_KEYS, SUBSTANCE_KEYS
from intake.sections import questionnaire, step

ABOUT = {"date_of_birth": "1960-04-02", "sex_at_birth": "female", "pregnant": "not_applicable"}
CONTACT = {
    "mobile_phone": "(202) 555-0143",
    "contact_by": "call_or_text",
    "emergency_name": "Sam Doe",
    "emergency_relationship": "Sibling",
    "emergency_phone": "202-555-0188",
    "visit_state": "NY",
    "visit_address": "1 Example Street, Albany, NY 12207",
}
VISIT = {"visit_reason": "panic", "visit_reason_other": ""}
GOALS = {"hopes": "Sleep through the night", "worries": "Running out of my medicine"}
KLONOPIN = {
    "name": "Klonopin",
    "strength_mg": "0.5",
    "amount_per_dose": "1",
    "how_often": "2",
    "max_doses_per_day": "",
    "duration": "30",
    "duration_unit": "weeks",
    "taking": "as_prescribed",
    "prescribed": "yes",
    "prescriber": "Dr Lee",
}
OXYCODONE = {
    **KLONOPIN,
    "name": "oxycodone",
    "strength_mg": "5",
    "how_often": "as_needed",
    "max_doses_per_day": "4",
    "prescriber": "",
}
BENZO = {
    "dosing": "divided",
    "used_before": "no",
    "tried_to_stop": "no",
    "withdrawal_before": "no",
    "missed_dose_symptoms": "no",
    "plans_to_stop": "no",
}
ALCOHOL = {"audit_c_1": "1", "audit_c_2": "0", "audit_c_3": "0"}
# "yes" to drug use in the past 12 months: the DAST-10 page is asked.
SUBSTANCES = {**{key: "no" for key in SUBSTANCE_KEYS}, "drug_use_past_year": "yes"}
DRUG_USE = {f"dast_10_{n}": "yes" if n == 3 else "no" for n in range(1, 11)}
SIDE_EFFECTS = {key: "none" for key in SIDE_EFFECT_KEYS}
FALLS_DRIVING = {"falls": "no", "driving": "yes"}
ANXIETY = {**{f"gad_7_{n}": "1" for n in range(1, 8)}, "panic_attacks_per_week": "2"}
MOOD = {f"phq_9_{n}": "0" for n in range(1, 10)}
SAFETY = {"q1": "no", "q2": "no", "q6": "no"}

STEP_DATA = {
    "about": ABOUT,
    "contact": CONTACT,
    "visit": VISIT,
    "benzodiazepines": BENZO,
    "alcohol": ALCOHOL,
    "substances": SUBSTANCES,
    "drug_use": DRUG_USE,
    "side_effects": SIDE_EFFECTS,
    "falls_driving": FALLS_DRIVING,
    "anxiety": ANXIETY,
    "mood": MOOD,
    "safety": SAFETY,
    "goals": GOALS,
}


def url(name: str, intake, *args) -> str:
    """A question page by its key (its address is declared with it), else a named URL."""
    if name in questionnaire().steps_by_key and not args:
        return step(name).url(intake.public_id)
    return reverse(f"intake:{name}", args=[intake.public_id, *args])


def form_of(step_key: str):
    """The form a question page asks (declared with the page)."""
    return step(step_key).form


def question_pages() -> list[str]:
    """The keys of the pages the generic question view serves (all but the medicines)."""
    return [key for key, page in questionnaire().steps_by_key.items() if page.form]


def page_forms() -> list:
    return [page.form for page in questionnaire().steps_by_key.values() if page.form]


def post_ok(client, address: str, data: dict):
    response = client.post(address, data)
    assert response.status_code == 302, _errors(response)
    return response


def _errors(response) -> str:
    form = response.context and response.context.get("form")
    return f"{response.status_code}: {getattr(form, 'errors', '')}"


def add_medicine(client, intake, medication: dict, index: int | None = None):
    """Add (or, with ``index``, change) a medicine through its two pages, as a browser
    would: the first page posts what is taken; the second everything (the first page's
    answers come back as its hidden fields). Returns the second page's response."""
    args = () if index is None else (index,)
    what, how = ("medication_add", "medication_add_how")
    if index is not None:
        what, how = ("medication_edit", "medication_edit_how")
    post_ok(client, url(what, intake, *args), medication)
    return post_ok(client, url(how, intake, *args), medication)


def fill_intake(client, intake, medications=(KLONOPIN,), **overrides) -> None:
    """Answer every page (``overrides`` replaces a page's data) without submitting."""
    for key in ("about", "contact", "visit"):
        post_ok(client, url(key, intake), overrides.get(key, STEP_DATA[key]))
    for medication in medications:
        add_medicine(client, intake, medication)
    post_ok(client, url("medications", intake), {"add_another": "no"})
    for key in list(STEP_DATA)[3:]:
        response = client.get(url(key, intake))
        if response.status_code == 302:  # the page does not apply to these answers
            continue
        post_ok(client, url(key, intake), overrides.get(key, STEP_DATA[key]))


def submit(client, intake):
    return client.post(url("submit", intake), {"confirm": "on"})

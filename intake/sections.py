"""The intake's sections and pages, and what each still needs before submit.

``SECTIONS`` is the list the task list, the check-your-answers page, submit validation and
the review queue ("request information", "every answer by section") all share. Each page
(``Step``) names the answers it owns; ``missing_answers`` says what is left, in words.
"""

from dataclasses import dataclass, field

SIDE_EFFECT_KEYS = (
    "drowsiness",
    "brain_fog",
    "coordination",
    "memory",
    "fatigue",
    "confusion",
    "over_medicated",
    "breakthrough_anxiety",
)
SUBSTANCE_KEYS = (
    "opioids",
    "cannabis",
    "stimulants",
    "sedatives",
    "sud_history",
    "family_sud_history",
)
# "In the past 12 months, have you used drugs other than for medical reasons?": the
# DAST-10 is asked only after "yes" (kept with the other substance answers).
DRUG_USE_GATE = "drug_use_past_year"
BENZO_HISTORY_KEYS = (
    "dosing",
    "used_before",
    "tried_to_stop",
    "withdrawal_before",
    "missed_dose_symptoms",
    "plans_to_stop",
)
HEALTH_KEYS = (
    "sleep_apnoea",
    "lung_disease",
    "liver_disease",
    "kidney_disease",
    "falls_past_year",
    "seizures",
    "head_injury",
    "medicine_allergies",
)
# Past medicines for mood or anxiety: up to this many rows on their own page, asked only
# after "yes" to "Have you taken other medicines for mood or anxiety in the past?" (kept
# with the other psychiatric history answers).
PAST_MEDICINE_ROWS = 3
PAST_MEDICINES_GATE = "took_past_medicines"


@dataclass(frozen=True)
class Step:
    key: str
    title: str

    @property
    def url_name(self) -> str:
        """Each page's URL is named by its key (intake/urls.py)."""
        return f"intake:{self.key}"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    steps: tuple[Step, ...] = field(default_factory=tuple)
    # An optional section never holds up sending the answers: the patient may skip it
    # (its task shows "Optional" until answered).
    optional: bool = False

    @property
    def url_name(self) -> str:
        """A section opens at its first page."""
        return self.steps[0].url_name


def _one_page(
    key: str, title: str, *, page: str = "", page_title: str = "", optional: bool = False
) -> Section:
    """A section of a single page, keyed and titled as the section unless told otherwise."""
    return Section(key, title, (Step(page or key, page_title or title),), optional=optional)


SECTIONS: list[Section] = [
    Section(
        "about",
        "About you",
        (
            Step("about", "About you"),
            Step("contact", "How we can reach you"),
            Step("visit", "Your visit"),
        ),
    ),
    _one_page("medications", "Your medicines"),
    _one_page("benzo_history", "Benzodiazepine history", page="benzodiazepines"),
    Section(
        "substances",
        "Alcohol and other substances",
        (
            Step("alcohol", "Alcohol"),
            Step("substances", "Other substances"),
            Step("drug_use", "Drug use in the past 12 months"),
        ),
    ),
    Section(
        "side_effects",
        "Side effects",
        (
            Step("side_effects", "Side effects"),
            Step("falls_driving", "Falls and driving"),
        ),
    ),
    Section(
        "mood",
        "Anxiety and mood",
        (
            Step("anxiety", "Anxiety"),
            Step("mood", "Mood"),
        ),
    ),
    Section(
        "safety",
        "Your safety",
        (
            Step("safety", "Your safety"),
            Step("safety_more", "More about your safety"),
        ),
    ),
    _one_page("health", "Health conditions that change sedative safety", optional=True),
    Section(
        "psych_history",
        "Psychiatric history",
        (
            Step("psych_history", "Psychiatric history"),
            Step("past_medicines", "Past medicines for mood or anxiety"),
        ),
        optional=True,
    ),
    _one_page("pharmacy", "Pharmacy and prescribers", page_title="Your pharmacy", optional=True),
    # Last, as on the psychiatrist's detail page: the patient ends on their own words.
    _one_page("goals", "What you want from your visit", optional=True),
]
SECTION_KEYS = [s.key for s in SECTIONS]
SECTIONS_BY_KEY = {s.key: s for s in SECTIONS}
STEPS_BY_KEY = {step.key: step for s in SECTIONS for step in s.steps}
SECTION_OF_STEP = {step.key: s.key for s in SECTIONS for step in s.steps}
STEP_ORDER = [step.key for s in SECTIONS for step in s.steps]


# ---- what the answers say ----------------------------------------------------------------
def name_match(name: str):
    """How a typed medicine name matches the catalog (``MedicineMatch``: its ``kind`` is
    exact, alias, corrected, ambiguous, class or none)."""
    from intake.evaluation import medicine_match  # (it reads the models: not at import)

    return medicine_match(name or "")


def confirmed_for(medication: dict, found) -> bool | None:
    """The patient's answer to "Did you mean ...?", for the drug the name matches now.

    A "yes" counts only for the drug it was given for (the catalog may have changed since):
    otherwise the answer is unknown (None) and the patient is asked again.
    """
    confirmed = medication.get("confirmed")
    if confirmed is None or medication.get("generic") != found.generic:
        return None
    return confirmed


def counted_class(medication: dict, found=None) -> str | None:
    """The drug class a listed medicine counts as: a certain match, a corrected one the
    patient confirmed, or a class word ("benzos"); None when it is not known."""
    found = found or name_match(medication.get("name", ""))
    entry = found.used_entry(confirmed_for(medication, found))
    if entry is not None:
        return entry.drug_class
    return found.class_word if found.kind == "class" else None


def lists_benzodiazepine(answers: dict) -> bool:
    """Whether a listed medicine counts as a benzodiazepine: the benzodiazepine pages then
    apply (a corrected name counts from the moment the patient confirms it)."""
    return any(
        counted_class(m) == "benzodiazepine"
        for m in answers.get("medications") or []
        if isinstance(m, dict)
    )


def cssrs_follow_ups(answers: dict) -> list[str]:
    """The screener's follow-up questions its skip logic asks, given Q2 and Q6."""
    cssrs = answers.get("cssrs") or {}
    keys = ["q3", "q4", "q5"] if cssrs.get("q2") is True else []
    return keys + (["q6_past_3_months"] if cssrs.get("q6") is True else [])


def safety_positive(answers: dict, details: dict | None = None) -> bool:
    """Any saved answer that means crisis help must be shown (``intake.safety``)."""
    from intake.safety import has_positive_safety_answer

    return has_positive_safety_answer(answers, details)


def lists_a_medicine(answers: dict) -> bool:
    return bool(answers.get("medications"))


def used_drugs_past_year(answers: dict) -> bool:
    """Whether the DAST-10 applies: not after "no" to drug use in the past 12 months (an
    intake saved before that question was asked keeps its DAST-10)."""
    return (answers.get("substances") or {}).get(DRUG_USE_GATE) is not False


def asks_past_medicines(answers: dict) -> bool:
    """Whether the past medicines page applies: after "yes" to the gate question (a history
    saved before that question was asked keeps the past medicines it lists)."""
    history = answers.get("psych_history") or {}
    if PAST_MEDICINES_GATE in history:
        return history[PAST_MEDICINES_GATE] is True
    return bool(history.get("past_medicines"))


def without_moot_answers(answers: dict) -> dict:
    """The answers without those a later change made moot: the benzodiazepine history
    without a benzodiazepine, side effects without a medicine, the DAST-10 after "no" to
    drug use."""
    answers = without_skipped_pages(answers)
    if not lists_benzodiazepine(answers):
        answers.pop("benzo_history", None)
    return answers


def without_skipped_pages(answers: dict) -> dict:
    """The answers without side effects when no medicine is listed and without the DAST-10
    after "no" to drug use: what the clinical core reads (no catalog look-up needed)."""
    answers = dict(answers)
    if not lists_a_medicine(answers):
        answers.pop("side_effects", None)
    if not used_drugs_past_year(answers):
        answers.pop("dast_10", None)
    return answers


def step_applies(step_key: str, answers: dict, details: dict) -> bool:
    if step_key == "benzodiazepines":
        return lists_benzodiazepine(answers)
    if step_key in ("side_effects", "falls_driving"):
        return lists_a_medicine(answers)
    if step_key == "drug_use":
        return used_drugs_past_year(answers)
    if step_key == "safety_more":
        return bool(cssrs_follow_ups(answers))
    if step_key == "past_medicines":
        return asks_past_medicines(answers)
    return True


# ---- what is left --------------------------------------------------------------------------
def _missing_about(answers, details):
    labels = {"date_of_birth": "Date of birth", "sex_at_birth": "Sex assigned at birth"}
    return [label for key, label in labels.items() if not answers.get(key)]


def _missing_contact(answers, details):
    contact = details.get("contact") or {}
    labels = {
        "mobile_phone": "Mobile phone number",
        "contact_by": "Whether we may call or text you",
        "visit_state": "The state you will be in during your visit",
        "visit_address": "The address you will be at during your visit",
    }
    return [label for key, label in labels.items() if not contact.get(key)]


def _missing_visit(answers, details):
    if not answers.get("visit_reason"):
        return ["Reason for your visit"]
    if answers["visit_reason"] == "other" and not answers.get("visit_reason_other"):
        return ["What the visit is about"]
    return []


def _missing_medications(answers, details):
    return (
        []
        if details.get("medications_confirmed")
        else ["Whether your list of medicines is complete"]
    )


def _missing_keys(container: dict | None, keys, label: str):
    container = container or {}
    count = sum(1 for key in keys if container.get(key) in (None, ""))
    return [f"{label}: {count} question{'s' if count != 1 else ''}"] if count else []


def _missing_list(value, length: int, label: str):
    return [] if isinstance(value, list) and len(value) == length else [label]


def _missing_safety_more(answers, details):
    return _missing_keys(answers.get("cssrs"), cssrs_follow_ups(answers), "More about your safety")


_MISSING = {
    "about": _missing_about,
    "contact": _missing_contact,
    "visit": _missing_visit,
    "medications": _missing_medications,
    "benzodiazepines": lambda a, d: _missing_keys(
        a.get("benzo_history"), BENZO_HISTORY_KEYS, "Benzodiazepine history"
    ),
    "alcohol": lambda a, d: _missing_list(a.get("audit_c"), 3, "Alcohol questions"),
    "substances": lambda a, d: _missing_keys(
        a.get("substances"),
        # Asked of every patient since the DAST-10 depends on it; an earlier intake
        # that has its DAST-10 answers needs no gate answer.
        SUBSTANCE_KEYS if a.get("dast_10") else (*SUBSTANCE_KEYS, DRUG_USE_GATE),
        "Other substances",
    ),
    "drug_use": lambda a, d: _missing_list(a.get("dast_10"), 10, "Drug use questions"),
    "side_effects": lambda a, d: _missing_keys(
        a.get("side_effects"), SIDE_EFFECT_KEYS, "Side effects"
    ),
    "falls_driving": lambda a, d: _missing_keys(
        a.get("side_effects"), ("falls", "driving"), "Falls and driving"
    ),
    "anxiety": lambda a, d: (
        _missing_list(a.get("gad_7"), 7, "Anxiety questions")
        + ([] if a.get("panic_attacks_per_week") is not None else ["Panic attacks per week"])
    ),
    "mood": lambda a, d: _missing_list(a.get("phq_9"), 9, "Mood questions"),
    "safety": lambda a, d: _missing_keys(a.get("cssrs"), ("q1", "q2", "q6"), "Your safety"),
    "safety_more": _missing_safety_more,
    "health": lambda a, d: _missing_keys(a.get("health"), HEALTH_KEYS, "Health conditions"),
    "psych_history": lambda a, d: (
        [] if "psych_history" in a else ["Psychiatric history: not answered yet"]
    ),
    "past_medicines": lambda a, d: (
        []
        if "past_medicines" in (a.get("psych_history") or {})
        else ["Past medicines for mood or anxiety: not answered yet"]
    ),
    "pharmacy": lambda a, d: [] if "pharmacy" in d else ["Whether you have a pharmacy"],
    "goals": lambda a, d: (
        [] if "goals" in a else ["What you want from your visit: not answered yet"]
    ),
}


def missing_for_step(step_key: str, answers: dict, details: dict) -> list[str]:
    if not step_applies(step_key, answers, details):
        return []
    return _MISSING[step_key](answers, details)


def _in_section(label: str, section: Section) -> str:
    """A missing answer as said under its section's name: "Your safety: 3 questions" is
    "3 questions" there (the name is shown already), "Other substances: 2 questions" stays."""
    prefix = f"{section.title}: "
    return label[len(prefix) :] if label.startswith(prefix) else label


def step_started(step_key: str, answers: dict, details: dict) -> bool:
    return step_key in (details.get("pending") or {}) or step_key in (details.get("seen") or [])


def section_state(section: Section, answers: dict, details: dict) -> dict:
    """For the task list: status ("not_started", "in_progress", "completed", "not_needed")
    and the missing answers, in words."""
    steps = [s for s in section.steps if step_applies(s.key, answers, details)]
    if not steps:
        return {"status": "not_needed", "missing": []}
    missing = [
        _in_section(m, section) for s in steps for m in missing_for_step(s.key, answers, details)
    ]
    started = any(step_started(s.key, answers, details) for s in steps)
    if not missing:
        status = "completed"
    elif started:
        status = "in_progress"
    else:
        status = "optional" if section.optional else "not_started"
    return {"status": status, "missing": missing}


def missing_answers(answers: dict, details: dict) -> dict[str, list[tuple[str, str]]]:
    """Section key -> [(what is missing, step url name)] for every incomplete section
    the patient must answer before sending (optional sections are never listed)."""
    result = {}
    for section in SECTIONS:
        if section.optional:
            continue
        items = [
            (_in_section(label, section), step.url_name)
            for step in section.steps
            for label in missing_for_step(step.key, answers, details)
        ]
        if items:
            result[section.key] = items
    return result

"""Every answer by section in words (check your answers, the read-only copy, the review
detail page), each medicine in words, and the education pages an intake points to."""

from datetime import date

from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from education import slugs
from education.links import page_links

from . import medicine_words
from .clinical.dosing import daily_dose_mg, mg
from .evaluation import (
    confirmed_for,
    counted_class,
    lists_benzodiazepine,
    medicine_match,
    medicine_pair,
)
from .models import Intake
from .safety import has_positive_safety_answer
from .sections import sections


def describe_medication(medication: dict) -> dict:
    """{"name": what the patient typed, "matched": the catalog name it counts as, or "",
    "drug_class", "daily_dose": the total daily dose in words, "found": how the name
    matched (``MedicineMatch``), "as_matched": the same in the clinical core's output
    format, "note": what we understood, in words for the patient ("" when plain)}."""
    found = medicine_match(medication.get("name", "") or "")
    drug_class = counted_class(medication, found)
    counted = found.used_entry(confirmed_for(medication, found)) if drug_class else None
    as_matched = {
        "match": found.kind,
        "generic": found.generic or "",
        "score": found.score,
        "candidates": list(found.candidates),
    }
    return {
        "name": medication.get("name", ""),
        "matched": counted.generic if counted else "",
        "drug_class": drug_class or "other",
        "daily_dose": daily_dose_in_words(medication),
        "found": found,
        "as_matched": as_matched,
        "note": medicine_words.patient_match_words(medicine_words.match_of(medication, as_matched)),
    }


# Amounts a patient reads more easily as words than as decimals.
TABLET_WORDS = {
    0.25: gettext_lazy("a quarter of a tablet"),
    0.5: gettext_lazy("half a tablet"),
    1: gettext_lazy("1 tablet"),
}


def daily_dose_in_words(medication: dict) -> str:
    """The daily total and how it is made up, in words for the patient (no "x" signs):
    "1 mg a day: 1 tablet of 0.5 mg, twice a day". The clinical core does the sums."""
    strength, amount = medication.get("strength_mg"), medication.get("amount_per_dose", 1)
    as_needed, most = bool(medication.get("as_needed")), medication.get("max_doses_per_day")
    times = medication.get("times_per_day")
    total = daily_dose_mg(strength, amount, times, as_needed=as_needed, max_doses_per_day=most)
    if total is None:
        return _("daily dose not known")
    tablets = TABLET_WORDS.get(amount) or _("{amount} tablets").format(amount=mg(amount))
    each = _("{tablets} of {strength} mg").format(tablets=tablets, strength=mg(strength))
    if as_needed:
        words = ngettext(
            "up to {total} mg a day: {each} when needed, at most once a day",
            "up to {total} mg a day: {each} when needed, at most {most} times a day",
            most or 0,
        )
        return words.format(total=mg(total), each=each, most=most)
    return _("{total} mg a day: {each}, {how_often}").format(
        total=mg(total), each=each, how_often=times_words(times)
    )


def times_words(times_per_day: int) -> str:
    """ "twice a day", in the patient's language."""
    if times_per_day == 2:
        return _("twice a day")
    return ngettext("once a day", "{n} times a day", times_per_day).format(n=times_per_day)


def date_words(value: date) -> str:
    """ "April 2, 1960" (English), "2 de abril de 1960" (Spanish)."""
    return date_format(value, _("F j, Y"))


def _display(field, value) -> str:
    if value in (None, "", []):
        return ""
    choices = getattr(field, "choices", None)
    if isinstance(value, list | tuple):  # several boxes ticked: each in words
        return ", ".join(_display(field, item) for item in value)
    if choices:
        return str(dict(choices).get(str(value), value))
    if isinstance(value, date):
        return date_words(value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            return date_words(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def _step_rows(intake: Intake, step, links: bool) -> list[dict]:
    form_class = step.form
    fields, initial = form_class.read_back(intake)
    url = step.url(intake.public_id) if links else ""
    rows = []
    skipped = form_class.not_asked(initial)
    for name, field in fields.items():
        if name in skipped:
            continue
        value = _display(field, initial.get(name))
        if not value and not field.required:
            continue
        row = {"label": field.label, "value": value or _("Not answered")}
        if links:
            row["url"] = f"{url}?change=1#{_anchor(name)}"
        rows.append(row)
    return rows


def answer_rows(intake, step) -> list[dict]:
    """One page's answers as [{"label", "value"}], with no links (the follow-up's "Has
    anything changed?" shows last time's this way)."""
    return _step_rows(intake, step, links=False)


def _anchor(name: str) -> str:
    """The id a change link jumps to: the block crispy-forms wraps round each question
    (``div_id_<name>``), so a long page opens with the question itself in view, not just
    its input or its first option."""
    return f"div_id_{name}"


def _evaluated_generic(intake: Intake, n: int, medication: dict) -> str:
    """The catalog drug the stored evaluation counted the n-th medicine as ("" for none).
    The review pages read it there, as their medicines do, rather than matching the name
    again: one page, one source (a catalog edit since shows at the next recompute)."""
    pair = medicine_pair(intake.answers or {}, intake.evaluation or {}, n)
    return (pair[1].get("generic") or "") if pair else ""


def _medication_rows(intake: Intake, links: bool) -> list[dict]:
    rows = []
    for n, medication in enumerate(intake.answers.get("medications") or []):
        # The patient's own pages match the name now (a draft has no evaluation yet).
        described = describe_medication(medication) if links else None
        name = medication.get("name", "")
        matched = described["matched"] if links else _evaluated_generic(intake, n, medication)
        if matched and matched.lower() != name.lower():
            name = f"{name} ({matched})"
        row = {"label": name, "value": daily_dose_in_words(medication)}
        if links:
            row["more"] = _medication_more(medication, described)
            row["url"] = reverse("intake:medication_edit", args=[intake.public_id, n]) + "?change=1"
        rows.append(row)
    if not rows:
        confirmed = intake.details.get("medications_confirmed")
        value = _("None") if confirmed else _("Not answered")
        rows.append({"label": _("Medicines"), "value": value})
        if links:
            rows[0]["url"] = reverse("intake:medications", args=[intake.public_id]) + "?change=1"
    return rows


def _medication_more(medication: dict, described: dict) -> list[str]:
    """The rest of what the patient told us about one medicine, read back to them."""
    words = medicine_words.details(medication, described["as_matched"], for_patient=True)
    more = [
        _("Taken for {how_long}").format(how_long=words["duration"]),
        _("Taken {how}").format(how=words["taking"]),
        words["prescribed"][:1].upper() + words["prescribed"][1:],
    ]
    return [*more, words["matched"]] if words["matched"] else more


def answer_sections(intake: Intake, *, links: bool = True) -> list[dict]:
    """[{"section": Section, "editable": bool, "rows": [{"label", "value", "url"}]}], read
    from the stored answers with each page's fields as its form class declares them (no
    form built for a page whose fields do not vary with the intake).

    ``links``: each row's change link (``url``) and, for a medicine, the rest of what the
    patient told us (``more``), for their own check page; the review pages show the label
    and the value only."""
    result = []
    for section in sections(intake.kind):
        steps = [s for s in section.steps if s.applies(intake.answers)]
        if not steps:
            continue
        rows = []
        for step in steps:
            if step.form is None:  # the medicines, which have pages of their own
                rows += _medication_rows(intake, links)
            else:
                rows += _step_rows(intake, step, links)
        result.append(
            {"section": section, "editable": intake.editable_section(section.key), "rows": rows}
        )
    return result


def education_slugs(intake: Intake) -> list[str]:
    """The pages an intake points to: each flag's page and the pages that go with that
    flag (``slugs.FLAG_PAGES``), then pages its answers call for."""
    flags = (intake.evaluation or {}).get("flags", [])
    wanted = [flag.get("education") for flag in flags]
    for flag in flags:
        wanted += slugs.FLAG_PAGES.get(flag.get("code"), ())
    if has_positive_safety_answer(intake.answers, intake.details):
        wanted.insert(0, slugs.GETTING_HELP_NOW)
    if lists_benzodiazepine(intake.answers):
        wanted += [slugs.AT_A_GLANCE, slugs.SIDE_EFFECTS_SAFETY, slugs.STOPPING_SAFELY]
        wanted += _benzo_answer_pages(intake.answers)
    if (intake.age or 0) >= 65 and lists_benzodiazepine(intake.answers):
        wanted.append(slugs.OLDER_ADULTS)
    return list(dict.fromkeys(slug for slug in wanted if slug))


def _benzo_answer_pages(answers: dict) -> list[str]:
    """Pages for someone on a benzodiazepine, from their own answers (the flags may
    name them too: ``pregnancy_benzo``, ``opioid_benzo``, ``withdrawal_risk``)."""
    pages = []
    if answers.get("pregnant") in ("yes", "unsure") or answers.get("breastfeeding") == "yes":
        pages.append(slugs.PREGNANCY_BREASTFEEDING)
    if (answers.get("substances") or {}).get("opioids"):
        pages.append(slugs.NALOXONE)
    if (answers.get("benzo_history") or {}).get("missed_dose_symptoms"):
        pages.append(slugs.MISSED_DOSES)
    if any(_is_clonazepam(m) for m in answers.get("medications") or [] if isinstance(m, dict)):
        pages.append(slugs.TABLET_STRENGTHS)
    pages.append(slugs.STORING_SAFELY)
    return pages


def _is_clonazepam(medication: dict) -> bool:
    """Counts as clonazepam: a sure match, or a corrected one the patient confirmed."""
    found = medicine_match(medication.get("name", "") or "")
    entry = found.used_entry(confirmed_for(medication, found))
    return entry is not None and entry.generic == "clonazepam"


def pages_for_you(intake: Intake) -> list[dict]:
    """[{"slug", "title", "summary", "url"}] for the published pages the intake points to."""
    return page_links(education_slugs(intake))

"""Instrument wording is data (issue 26): one file per instrument and language, each with its
status, checked against the instrument's declaration; a clinic's own file wins over the
project's; a language with no file falls back to English."""

import json
from pathlib import Path

import pytest
from django.utils import translation

from intake.clinical import instruments as ins
from intake.clinical.instrument_texts import (
    ADAPTED,
    PROJECT_DIR,
    VALIDATED,
    InstrumentTextError,
    find_text,
    read_text,
)
from intake.forms import instruments as worded
from intake.forms.wellbeing import MoodForm

LANGUAGES = ("en", "es")


def _project_file(instrument_id: str, language: str) -> dict:
    return json.loads((PROJECT_DIR / f"{instrument_id}.{language}.json").read_text())


def _write(folder: Path, instrument_id: str, language: str, data: dict) -> Path:
    path = folder / f"{instrument_id}.{language}.json"
    path.write_text(json.dumps(data, ensure_ascii=False))
    return path


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("instrument_id", list(ins.INSTRUMENTS))
def test_every_instrument_has_the_projects_adapted_words_in_english_and_spanish(
    instrument_id, language
):
    words = find_text(ins.INSTRUMENTS[instrument_id], language)
    assert words is not None and words.language == language
    assert words.status == ADAPTED and words.source and words.licence
    assert len(words.items) == len(ins.INSTRUMENTS[instrument_id].items)


@pytest.mark.parametrize("instrument_id", list(ins.INSTRUMENTS))
def test_the_spanish_words_are_not_the_english_ones(instrument_id):
    english = find_text(ins.INSTRUMENTS[instrument_id], "en")
    spanish = find_text(ins.INSTRUMENTS[instrument_id], "es")
    assert not set(english.items) & set(spanish.items)
    assert spanish.question != english.question and spanish.sha256 != english.sha256


def test_the_english_words_are_the_ones_the_clinical_core_reads():
    english = find_text(ins.PHQ_9, "en")
    assert [item.text for item in ins.PHQ_9.items] == list(english.items)
    assert [o.label for o in ins.GAD_7.options] == list(find_text(ins.GAD_7, "en").scale)


def test_a_file_with_the_wrong_number_of_items_is_refused_with_a_clear_message(tmp_path):
    data = _project_file("phq_9", "es")
    data["items"] = data["items"][:8]
    path = _write(tmp_path, "phq_9", "es", data)
    with pytest.raises(InstrumentTextError) as refused:
        read_text(path, ins.PHQ_9)
    message = str(refused.value)
    assert str(path) in message and "8 items" in message and "declares 9" in message


def test_a_file_with_the_wrong_number_of_answers_is_refused(tmp_path):
    data = _project_file("audit_c", "es")
    data["items"][1]["options"] = data["items"][1]["options"][:4]
    path = _write(tmp_path, "audit_c", "es", data)
    with pytest.raises(InstrumentTextError, match=r"item 2 \(2\): 4 answer options.*declares 5"):
        read_text(path, ins.AUDIT_C)


def test_a_file_with_an_unknown_status_or_another_instruments_items_is_refused(tmp_path):
    data = {**_project_file("gad_7", "es"), "status": "translated"}
    with pytest.raises(InstrumentTextError, match='"status" must be one of'):
        read_text(_write(tmp_path, "gad_7", "es", data), ins.GAD_7)
    data = {**_project_file("cssrs", "es")}
    data["items"] = [data["items"][1], data["items"][0], *data["items"][2:]]
    with pytest.raises(InstrumentTextError, match="id 'q2', but item 1 of cssrs is 'q1'"):
        read_text(_write(tmp_path, "cssrs", "es", data), ins.CSSRS)


def _clinic_phq_9(folder: Path) -> Path:
    data = _project_file("phq_9", "es")
    data.update(
        status=VALIDATED,
        version="clinic-2026",
        source="The clinic's licensed validated translation",
        licence="Supplied by the clinic under its own licence",
    )
    data["items"] = [{**item, "text": f"Texto validado {n}"} for n, item in
                     enumerate(data["items"], start=1)]  # fmt: skip
    return _write(folder, "phq_9", "es", data)


def test_a_clinic_file_is_found_before_the_projects(tmp_path):
    _clinic_phq_9(tmp_path)
    words = find_text(ins.PHQ_9, "es", [tmp_path])
    assert words.status == VALIDATED and words.items[0] == "Texto validado 1"
    assert find_text(ins.GAD_7, "es", [tmp_path]).status == ADAPTED  # no clinic file for it


def test_the_portal_uses_a_clinic_file_named_in_settings_with_no_code_change(settings, tmp_path):
    _clinic_phq_9(tmp_path)
    settings.INSTRUMENT_TEXTS_DIRS = [str(tmp_path)]
    form = MoodForm()
    with translation.override("es"):
        assert str(form.fields["phq_9_1"].label) == "Texto validado 1"
        assert worded.instrument_text("phq_9").status == VALIDATED
    assert str(form.fields["phq_9_1"].label) == ins.PHQ_9.items[0].text  # English unchanged


def test_a_broken_clinic_file_stops_the_page_rather_than_showing_the_wrong_questions(
    settings, tmp_path
):
    data = _project_file("gad_7", "es")
    data["items"].append({"id": "8", "text": "Una pregunta de más"})
    _write(tmp_path, "gad_7", "es", data)
    settings.INSTRUMENT_TEXTS_DIRS = [str(tmp_path)]
    with translation.override("es"), pytest.raises(InstrumentTextError, match="8 items"):
        worded.instrument_text("gad_7")


def test_a_language_with_no_file_shows_english_with_a_note():
    form = MoodForm()
    with translation.override("fr"):
        assert str(form.fields["phq_9_1"].label) == ins.PHQ_9.items[0].text
        assert "shown in English" in str(form.fields["phq_9_1"].help_text)
        assert worded.instrument_text("phq_9").language == "en"
    with translation.override("es"):
        assert "shown in English" not in str(form.fields["phq_9_1"].help_text)


def test_the_answers_store_and_score_the_same_in_every_language():
    data = {f"phq_9_{n}": "2" for n in range(1, 10)}
    stored = {}
    for language in LANGUAGES:
        with translation.override(language):
            form = MoodForm(data)
            assert form.is_valid(), form.errors
            answers = {}
            form.store(answers, {})
            stored[language] = answers["phq_9"]
    assert stored["en"] == stored["es"] == [2] * 9
    assert ins.score_phq_9(stored["es"])["total"] == 18


def test_the_start_up_check_names_every_broken_clinic_file_and_passes_the_projects(
    settings, tmp_path
):
    from django.core import checks

    assert worded.texts_problems() == []
    data = _project_file("dast_10", "es")
    data["items"] = data["items"][:9]
    _write(tmp_path, "dast_10", "es", data)
    _write(tmp_path, "phq_9", "fr", _project_file("phq_9", "es"))  # says "es" inside
    settings.INSTRUMENT_TEXTS_DIRS = [str(tmp_path)]
    errors = [e for e in checks.run_checks() if e.id == "intake.E026"]
    messages = sorted(e.msg for e in errors)
    assert len(messages) == 2
    assert "dast_10.es.json: 9 items, but dast_10 declares 10" in messages[0]
    assert "phq_9.fr.json" in messages[1] and "named for 'fr'" in messages[1]

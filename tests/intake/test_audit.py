"""What an acceptance audit of the intake found, walked as a patient on a phone would."""

import re

import pytest

from intake.forms import MedicationForm
from intake.services import intake_request_information, intake_transition
from tests.intake.pages import (
    BENZO,
    KLONOPIN,
    OXYCODONE,
    add_medicine,
    fill_intake,
    post_ok,
    submit,
    url,
)

pytestmark = pytest.mark.django_db


def _names(intake) -> list[str]:
    intake.refresh_from_db()
    return [m["name"] for m in intake.answers["medications"]]


def _keys(client, intake) -> list[str]:
    return [row["key"] for row in client.get(url("medications", intake)).context["rows"]]


def _two_medicines(client, intake) -> list[str]:
    add_medicine(client, intake, KLONOPIN)
    add_medicine(client, intake, OXYCODONE)
    return _keys(client, intake)


# ---- a change page left open in another tab ----------------------------------------------
def test_the_change_page_names_the_medicine_it_shows(alice, intake):
    keys = _two_medicines(alice, intake)
    html = alice.get(url("medication_edit", intake, 1)).content.decode()
    assert f'name="key" value="{keys[1]}"' in html


def test_a_stale_change_never_overwrites_the_medicine_that_moved_into_its_place(alice, intake):
    keys = _two_medicines(alice, intake)
    post_ok(alice, url("medication_remove", intake, 0), {"key": keys[0]})  # the other tab
    add_medicine(alice, intake, {**KLONOPIN, "key": keys[0]}, index=0)
    assert sorted(_names(intake)) == ["Klonopin", "oxycodone"]


def test_a_stale_change_to_a_place_that_is_gone_keeps_what_was_typed(alice, intake):
    keys = _two_medicines(alice, intake)
    post_ok(alice, url("medication_remove", intake, 0), {"key": keys[0]})  # the other tab
    add_medicine(alice, intake, {**OXYCODONE, "key": keys[1], "duration": "9"}, index=1)
    intake.refresh_from_db()
    assert [m["duration"] for m in intake.answers["medications"]] == [9]


# ---- change links return to check your answers -------------------------------------------
def test_changing_a_medicine_from_check_your_answers_returns_there(alice, intake):
    fill_intake(alice, intake)
    change = alice.get(url("check", intake)).context["sections"][1]["rows"][0]["url"]
    to_second_page = alice.post(change, {**KLONOPIN, "strength_mg": "1"})
    to_list = alice.post(to_second_page.url, {**KLONOPIN, "strength_mg": "1"})
    back = alice.post(to_list.url, {"add_another": "no"})
    assert back.url == url("check", intake)


def test_the_medicines_list_keeps_the_way_back_on_its_change_and_remove_links(alice, intake):
    add_medicine(alice, intake, KLONOPIN)
    html = alice.get(url("medications", intake) + "?change=1").content.decode()
    assert html.count("/?change=1") == 2


def test_a_missing_answer_link_returns_to_check_your_answers_once_answered(alice, intake):
    fill_intake(alice, intake)
    intake.refresh_from_db()
    intake.answers.pop("sex_at_birth")
    intake.save()
    html = submit(alice, intake).content.decode()
    assert f'href="{url("about", intake)}?change=1"' in html


@pytest.mark.parametrize(
    ("label", "anchor"),
    [("Sex assigned at birth", "div_id_sex_at_birth"), ("Date of birth", "div_id_date_of_birth")],
    ids=["radio question", "text input"],
)
def test_a_change_link_jumps_to_the_question_on_its_page(alice, intake, label, anchor):
    fill_intake(alice, intake)
    rows = alice.get(url("check", intake)).context["sections"][0]["rows"]
    link = next(r["url"] for r in rows if r["label"] == label)
    page = alice.get(link.split("#")[0]).content.decode()
    assert link.endswith(f"#{anchor}") and f'id="{anchor}"' in page


# ---- odd input ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "stored"),
    [("\u200b", None), ("\u00a0-\u00a0", None), ("ｋｌｏｎｏｐｉｎ", "klonopin")],
    ids=["an invisible character", "only a dash", "full-width letters"],
)
def test_a_medicine_name_needs_a_letter_or_digit_and_is_stored_plainly(typed, stored):
    form = MedicationForm({**KLONOPIN, "name": typed})
    assert (form.medication()["name"] if form.is_valid() else None) == stored


def test_a_name_that_grows_beyond_the_limit_when_normalised_is_refused():
    form = MedicationForm({**KLONOPIN, "name": "\ufdfa" * 10})  # one symbol, 18 letters
    assert form.errors["name"] == ["Use 100 characters or fewer for the name"]


# ---- words the patient reads ----------------------------------------------------------------
def test_the_read_only_copy_gives_the_time_sent_in_one_sentence(alice, intake):
    fill_intake(alice, intake)
    submit(alice, intake)
    html = alice.get(url("check", intake)).content.decode()
    assert not re.search(r"\.\.\s", html)


def test_the_confirmation_does_not_tell_someone_taking_more_to_take_it_as_prescribed(alice, intake):
    fill_intake(alice, intake, medications=({**KLONOPIN, "taking": "more"},))
    submit(alice, intake)
    html = alice.get(url("confirmation", intake)).content.decode()
    assert "as prescribed" not in html


def test_the_medicines_list_says_the_total_comes_from_the_patients_answers(alice, intake):
    add_medicine(alice, intake, KLONOPIN)
    html = alice.get(url("medications", intake)).content.decode()
    assert "Your total, from your answers: 1 mg a day" in html


# (The page says "Why we ask" once; each question's hint says why, plainly.)
@pytest.mark.parametrize(
    ("field", "why"),
    [
        ("max_doses_per_day", "the most you might take in a day"),
        ("prescriber", "your psychiatrist may need to talk with them"),
    ],
    ids=["most doses a day", "prescriber"],
)
def test_each_medicine_question_says_why_it_is_asked(field, why):
    assert why in str(MedicationForm().fields[field].help_text)


def test_the_withdrawal_question_says_why_it_is_asked():
    from tests.intake.pages import form_of

    help_text = form_of("benzodiazepines")().fields["withdrawal_before"].help_text
    assert "It helps your psychiatrist plan any change safely with you" in str(help_text)


@pytest.mark.usefixtures("mood_reopened")
def test_a_reopened_section_is_marked_on_the_task_list(alice, intake):
    html = alice.get(url("tasks", intake)).content.decode()
    assert html.count("Reopened: you can change these answers") == 1


def test_an_out_of_date_change_link_shows_the_list_as_it_is_now(alice, intake):
    add_medicine(alice, intake, KLONOPIN)
    response = alice.get(url("medication_edit", intake, 3))
    assert response.url == url("medications", intake)


def _why_links(intake) -> list[tuple[str, str]]:
    """(address, link text) of every "why we ask" link on every intake page."""
    from intake.forms import MedicationsDoneForm
    from tests.intake.pages import page_forms

    forms = [cls(intake=intake) for cls in (*page_forms(), MedicationsDoneForm)]
    forms.append(MedicationForm())
    texts = [str(field.help_text) for form in forms for field in form.fields.values()]
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', " ".join(texts))


def test_each_why_we_ask_link_is_named_by_the_title_of_the_page_it_opens(intake):
    from education.content import load_topics
    from intake.forms.base import education_url

    pages = [page for topic in load_topics() for page in topic.pages]
    titles = {education_url(page.slug): page.title.lower() for page in pages}
    links = _why_links(intake)
    assert [(href, text) for href, text in links if titles[href] not in text.lower()] == []


@pytest.mark.usefixtures("mood_reopened")
def test_a_reopened_sections_link_tells_a_screen_reader_it_is_reopened(alice, intake):
    html = alice.get(url("tasks", intake)).content.decode()
    assert 'aria-describedby="reopened-mood status-mood"' in html


def test_after_sending_the_home_page_says_the_answers_are_kept_before_offering_a_new_set(
    alice, intake
):
    fill_intake(alice, intake)
    submit(alice, intake)
    html = alice.get("/intake/").content.decode()
    assert html.index("you do not need to send them again") < html.index("another visit</button>")


@pytest.mark.parametrize(
    ("medicine", "words"),
    [
        (KLONOPIN, "1 mg a day: 1 tablet of 0.5 mg, twice a day"),
        ({**KLONOPIN, "amount_per_dose": "0.5"}, "0.5 mg a day: half a tablet of 0.5 mg"),
        (OXYCODONE, "up to 20 mg a day: 1 tablet of 5 mg when needed, at most 4 times a day"),
    ],
    ids=["regular", "half a tablet", "when needed"],
)
def test_the_daily_dose_is_shown_back_in_words_without_signs(alice, intake, medicine, words):
    add_medicine(alice, intake, medicine)
    html = alice.get(url("medications", intake)).content.decode()
    assert words in html


@pytest.mark.parametrize(
    ("name", "query", "back_to"),
    [
        ("mood", "?change=1", "check"),
        ("medications", "?change=1", "check"),
        ("mood", "", "anxiety"),
    ],
    ids=[
        "a question changed from check",
        "the medicines changed from check",
        "a first visit: the page before",
    ],
)
def test_back_goes_to_where_the_patient_came_from(alice, intake, name, query, back_to):
    html = alice.get(url(name, intake) + query).content.decode()
    assert f'<a href="{url(back_to, intake)}" class="link-secondary">Back</a>' in html


def _reopen(client, intake, psychiatrist, sections):
    submit(client, intake)
    intake_transition(intake=intake, to="in_review", actor=psychiatrist)
    intake_request_information(intake=intake, actor=psychiatrist, sections=sections, message="")


def test_a_benzodiazepine_added_to_reopened_medicines_opens_its_history_too(
    alice, intake, psychiatrist
):
    fill_intake(alice, intake, medications=(OXYCODONE,))
    _reopen(alice, intake, psychiatrist, ["medications"])
    add_medicine(alice, intake, KLONOPIN)
    post_ok(alice, url("benzodiazepines", intake), BENZO)
    submit(alice, intake)
    intake.refresh_from_db()
    assert intake.status == "submitted"

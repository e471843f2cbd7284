"""A third language is a catalogue, content files and PORTAL_LANGUAGES: no code and no
migration (the language fields keep their choices out of migrations)."""

from tests.portal.test_settings import _manage


def test_a_third_language_needs_no_migration():
    done = _manage("makemigrations", "--check", "--dry-run",
                   env_extra={"PORTAL_LANGUAGES": "en,es,fr"})  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No changes detected" in done.stdout


def test_an_unknown_language_code_stops_the_start_with_its_name():
    done = _manage("check", env_extra={"PORTAL_LANGUAGES": "en,xx"})
    assert done.returncode != 0
    assert "PORTAL_LANGUAGES: Django knows no language 'xx'." in done.stderr

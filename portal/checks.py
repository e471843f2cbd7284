from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

# Files every page links to: without them in STATIC_ROOT, every page is unstyled.
REQUIRED_STATIC = ("vendor/bootstrap/bootstrap.min.css", "portal/portal.css")


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs):
    if settings.SECRET_KEY_IS_SET:
        return []
    return [Error("DJANGO_SECRET_KEY is not set.",
                  hint="See docs/operations.md, Environment variables.",
                  id="portal.E001")]  # fmt: skip


def missing_static_files() -> list[str]:
    """The page-wide static files not in STATIC_ROOT. With debug off, WhiteNoise serves only
    what ``collectstatic`` put there; with debug on, runserver serves from the apps."""
    if settings.DEBUG:
        return []
    root = Path(settings.STATIC_ROOT)
    return [name for name in REQUIRED_STATIC if not (root / name).is_file()]


# Deploy-only, so ``collectstatic`` itself (which runs the staticfiles checks) still runs.
@register(Tags.staticfiles, deploy=True)
def static_files_collected(app_configs, **kwargs):
    missing = missing_static_files()
    if not missing:
        return []
    return [
        Warning(
            f"Static files are not collected in STATIC_ROOT ({settings.STATIC_ROOT}): "
            f"{', '.join(missing)} missing, so every page would be unstyled.",
            hint="Run `python manage.py collectstatic --no-input` at each deploy "
            "(docs/operations.md, Deploying).",
            id="portal.W002",
        )
    ]

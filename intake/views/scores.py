"""The patient's own "Your scores" page: each instrument's totals over time, in plain words.

Reached through one of the patient's own intakes (404 for anyone else's); shows every
complete total the patient has sent, never a diagnosis.
"""

from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intake.trends import chart_context, score_series
from portal.roles import patient_required

from .access import _get_intake_for_patient

TITLES = {
    "phq_9": _("Mood (PHQ-9)"),
    "gad_7": _("Anxiety (GAD-7)"),
    "audit_c": _("Alcohol (AUDIT-C)"),
    "dast_10": _("Drug use (DAST-10)"),
}
ABOUT = {
    "phq_9": _(
        "These questions ask how often low mood, poor sleep, low energy and similar problems "
        "bothered you in the past 2 weeks. A lower score means fewer problems."
    ),
    "gad_7": _(
        "These questions ask how often worry, nerves and feeling on edge bothered you in the "
        "past 2 weeks. A lower score means fewer problems."
    ),
    "audit_c": _(
        "These questions ask how often you drink alcohol and how much. A lower score means "
        "less drinking. Alcohol adds to the drowsiness some medicines cause."
    ),
    "dast_10": _(
        "These questions ask about using drugs other than alcohol and tobacco in the past "
        "12 months. A lower score means fewer problems from drug use."
    ),
}
# The bands as the patient reads them: how much, never what it might be called.
LEVELS = {
    "minimal": _("few or none"),
    "mild": _("mild"),
    "moderate": _("moderate"),
    "moderately_severe": _("moderately severe"),
    "severe": _("severe"),
    "none": _("none"),
    "low": _("low"),
    "substantial": _("substantial"),
    "positive": _("at or above the level your care team talks about with you"),
    "negative": _("below the level your care team talks about with you"),
}


def _date(on) -> str:
    return date_format(on, "DATE_FORMAT")


def _short_date(on) -> str:
    """For the chart's axis: long dates would overlap at 360 px."""
    return date_format(on, "SHORT_DATE_FORMAT")


def _levels(series) -> list[str]:
    """ "0 to 4: few or none", one line per band."""
    return [
        gettext("%(low)s to %(high)s: %(level)s")
        % {"low": b.low, "high": b.high, "level": LEVELS[b.name]}
        if b.low != b.high
        else gettext("%(low)s: %(level)s") % {"low": b.low, "level": LEVELS[b.name]}
        for b in series.bands
    ]


def patient_charts(patient_id: int) -> list[dict]:
    charts = []
    for key, series in score_series(patient_id).items():
        title = str(TITLES[key])
        values = ", ".join(str(p.score) for p in series.points)
        description = gettext(
            "Your %(title)s scores from %(first)s to %(last)s: %(values)s. The table after "
            "the chart gives the same numbers."
        ) % {
            "title": title,
            "first": _date(series.points[0].on),
            "last": _date(series.points[-1].on),
            "values": values,
        }
        change = series.last_change
        chart = chart_context(
            series,
            chart_id=f"scores-{key}",
            title=title,
            description=description,
            band_names={name: str(words) for name, words in LEVELS.items()},
            date_format=_date,
            axis_format=_short_date,
            change_words=gettext(change.patient_words) if change else "",
        )
        chart.update(about=ABOUT[key], levels=_levels(series))
        charts.append(chart)
    return charts


@patient_required
def scores(request, public_id):
    intake = _get_intake_for_patient(request, public_id)
    return render(
        request,
        "intake/scores.html",
        {"intake": intake, "charts": patient_charts(request.user.pk)},
    )

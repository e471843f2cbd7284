"""A patient's scores over time: the selectors and a server-rendered SVG chart.

Every submitted intake of the patient (first, follow-up or check-in) stores its
evaluation; its complete totals are the points. ``score_series`` reads them in one query
(the intake's patient index; only the scores key of each evaluation), ``earlier_scores``
gives the rules the totals to compare with, and ``chart_svg`` draws one instrument's
series over its severity bands, which come from the instrument's declaration
(``intake.clinical.instruments``), never restated here. The chart needs no JavaScript;
the page puts a table of the same numbers after it.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.safestring import mark_safe

from intake.clinical.instruments import INSTRUMENTS, band
from intake.clinical.measurement import Change, highest_total, score_change

from .compiled import CompiledRead
from .models import Intake

# The instruments charted, in the detail page's order (a scored total; the C-SSRS is a
# risk level, not a number, and is shown elsewhere).
CHARTED = ("phq_9", "gad_7", "audit_c", "dast_10")
# The most recent points read for a chart: about eight years of fortnightly check-ins.
SERIES_LIMIT = 200
# How far back the rules look for an earlier total.
EARLIER_LIMIT = 50


@dataclass(frozen=True)
class Point:
    on: datetime  # when the intake was submitted
    score: int
    band: str | None  # the instrument's band key ("moderately_severe"), None if it has none
    current: bool = False  # the intake the page is about
    positive: bool | None = None  # AUDIT-C only: a positive screen for the patient's sex


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    name: str


@dataclass(frozen=True)
class Series:
    instrument: str
    points: tuple[Point, ...]

    @property
    def title(self) -> str:
        return INSTRUMENTS[self.instrument].title

    @property
    def highest(self) -> int:
        return highest_total(self.instrument)

    @property
    def bands(self) -> tuple[Band, ...]:
        return bands_of(self.instrument)

    @property
    def last_change(self) -> Change | None:
        """What the latest change means (PHQ-9 and GAD-7), or None."""
        if len(self.points) < 2:
            return None
        return score_change(self.instrument, self.points[-2].score, self.points[-1].score)


def bands_of(instrument: str) -> tuple[Band, ...]:
    """The instrument's declared bands with both ends ((0, 4, "minimal"), ...)."""
    declared = INSTRUMENTS[instrument].bands
    if not declared:  # the AUDIT-C: a threshold by sex, not bands
        return ()
    lows = [low for low, _ in declared]
    highs = [low - 1 for low in lows[1:]] + [highest_total(instrument)]
    return tuple(Band(low, high, name) for (low, name), high in zip(declared, highs, strict=True))


def _total(score) -> int | None:
    """A complete total, or None (incomplete, not asked, or not a number)."""
    if not isinstance(score, dict) or not score.get("complete", True):
        return None
    value = score.get("total")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _submitted(patient_id: int):
    return Intake.objects.filter(patient_id=patient_id, submitted_at__isnull=False)


def score_series(patient_id: int, *, current_pk: int | None = None) -> dict[str, Series]:
    """Per instrument with at least one complete total, the patient's totals in time order
    (one query). ``current_pk`` marks the points of the intake the page is about."""
    rows = _series_rows(patient_id=patient_id)
    points: dict[str, list[Point]] = {key: [] for key in CHARTED}
    for pk, on, scores in reversed(rows):
        for key in CHARTED:
            score = (scores or {}).get(key)
            value = _total(score)
            if value is None:
                continue
            named = band(INSTRUMENTS[key], value) if INSTRUMENTS[key].bands else None
            positive = score.get("positive") if key == "audit_c" else None
            point = Point(timezone.localtime(on), value, named, pk == current_pk, positive)
            points[key].append(point)
    return {key: Series(key, tuple(found)) for key, found in points.items() if found}


# Compiled once and prepared (intake/compiled.py; by the patient): every showing of the
# detail page reads them.
_series_rows = CompiledRead(
    lambda *, patient_id: (
        _submitted(patient_id)
        .order_by("-submitted_at", "-pk")
        .values_list("pk", "submitted_at", "evaluation__scores")[:SERIES_LIMIT]
    ),
    prepared=True,
)


def earlier_scores(intake: Intake, totals: list | None = None) -> dict:
    """For the rules on change: per instrument, the complete total of the patient's latest
    intake submitted before this one (of any kind) that has one, in the case format
    (``{"phq_9": {"total": 9, "on": "2026-10-01"}}``). One query (compiled once: every
    submit asks), or none with ``totals``: the submit's read of ``earlier_totals_at_submit``."""
    if totals is None:
        before = intake.submitted_at or NEVER
        latest = _earlier_totals(patient_id=intake.patient_id, pk=intake.pk, before=before)
    else:
        latest = [(datetime.fromisoformat(t["on"]), t["scores"]) for t in totals]
    return _latest_complete(latest)


# Later than any submission: the bound of a draft's earlier intakes (it has no time yet).
NEVER = datetime(9999, 12, 31, tzinfo=UTC)


def _earlier(patient, pk, before):
    """The patient's intakes sent before ``before``, newest first, but ``pk`` (values, or
    expressions of an outer intake read)."""
    rows = _submitted(patient).filter(submitted_at__lt=before).exclude(pk=pk)
    return rows.order_by("-submitted_at", "-pk")


_earlier_totals = CompiledRead(
    lambda *, patient_id, pk, before: _earlier(patient_id, pk, before).values_list(
        "submitted_at", "evaluation__scores"
    )[:EARLIER_LIMIT],
    prepared=True,
)


def earlier_totals_at_submit() -> ArraySubquery:
    """``earlier_scores``' rows for an intake being sent now, as a column of the submit's
    read of it (JSON objects: "on", "scores"), so the submit needs no query of its own."""
    rows = _earlier(OuterRef("patient_id"), OuterRef("pk"), NEVER)
    totals = JSONObject(on="submitted_at", scores="evaluation__scores")
    return ArraySubquery(rows.values(total=totals)[:EARLIER_LIMIT])


def earlier_scores_of(intakes: list[Intake]) -> dict[int, dict]:
    """``earlier_scores`` for a batch of intakes (by pk), in one query for the batch: the
    bulk rule re-run (intake/recompute.py) reads every submitted intake of their patients."""
    patients = {intake.patient_id for intake in intakes}
    history: dict[int, list] = {patient: [] for patient in patients}
    rows = (
        Intake.objects.filter(patient_id__in=patients, submitted_at__isnull=False)
        .order_by("patient_id", "-submitted_at", "-pk")
        .values_list("pk", "patient_id", "submitted_at", "evaluation__scores")
    )
    for pk, patient, on, scores in rows:
        history[patient].append((pk, on, scores))
    found = {}
    for intake in intakes:
        before = [
            (on, scores)
            for pk, on, scores in history[intake.patient_id]
            if pk != intake.pk and (intake.submitted_at is None or on < intake.submitted_at)
        ]
        found[intake.pk] = _latest_complete(before[:EARLIER_LIMIT])
    return found


def _latest_complete(latest) -> dict:
    """From (submitted_at, scores) newest first: per instrument the first complete total."""
    found: dict[str, dict] = {}
    for on, scores in latest:
        for key in CHARTED:
            value = _total((scores or {}).get(key))
            if key not in found and value is not None:
                found[key] = {"total": value, "on": timezone.localdate(on).isoformat()}
        if len(found) == len(CHARTED):
            break
    return found


# ---- the chart ----------------------------------------------------------------------------
WIDTH, HEIGHT = 440, 250
LEFT, RIGHT, TOP, BOTTOM = 30, 140, 12, 34  # room for the axis, the band names, the dates
# Large enough to read at 360 px, where the chart is drawn at about three quarters size
# (the ranges are in the description and the table, not beside each band).
FONT = 13
INK = "#212529"
LINE = "#0b4f9c"
# Light tints, lightest for the lowest band; the band's name is written beside it too, so
# colour is never the only way to tell them apart.
BAND_FILLS = ("#e9f5ec", "#fdf8dc", "#fdebd3", "#fbdcd4", "#f6d0d6")


def _x(on: datetime, first: datetime, last: datetime) -> float:
    span = (last - first).total_seconds()
    inner = WIDTH - LEFT - RIGHT
    if span <= 0:
        return LEFT + inner / 2
    return LEFT + inner * (on - first).total_seconds() / span


def _y(score: float, highest: int) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - score / highest)


def chart_svg(
    series: Series,
    *,
    chart_id: str,
    title: str,
    description: str,
    band_names: dict[str, str] | None = None,
    date_format=lambda on: on.date().isoformat(),
    point_words=None,
) -> str:
    """One instrument's chart as an SVG string (escaped; the caller marks it safe).

    ``band_names`` maps a band key to the words shown beside it (staff or patient words,
    translated by the caller); ``date_format`` writes a point's date on the axis.
    ``point_words(point)`` is each point's tooltip. Each point carries ``data-date``
    (ISO) and ``data-score`` for tests and tools.
    """
    highest = series.highest
    points = series.points
    first, last = points[0].on, points[-1].on
    parts = [
        f'<svg class="trend-chart" role="img" aria-labelledby="{chart_id}-title '
        f'{chart_id}-desc" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    names = band_names or {}
    for n, b in enumerate(series.bands):
        top, bottom = _y(b.high + 1 if b.high < highest else highest, highest), _y(b.low, highest)
        fill = BAND_FILLS[min(n, len(BAND_FILLS) - 1)]
        parts.append(
            f'<rect class="band" data-band="{escape(b.name)}" x="{LEFT}" y="{top:.1f}" '
            f'width="{WIDTH - LEFT - RIGHT}" height="{bottom - top:.1f}" fill="{fill}"/>'
        )
        label = names.get(b.name, b.name.replace("_", " "))
        parts.append(
            f'<text x="{WIDTH - RIGHT + 6}" y="{(top + bottom) / 2 + 4:.1f}" '
            f'font-size="{FONT}" fill="{INK}">{escape(label)}</text>'
        )
    # The axis: lowest and highest total, and the dates of the first and last points.
    bottom_y = _y(0, highest)
    parts += [
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom_y:.1f}" stroke="{INK}"/>',
        f'<line x1="{LEFT}" y1="{bottom_y:.1f}" x2="{WIDTH - RIGHT}" y2="{bottom_y:.1f}" '
        f'stroke="{INK}"/>',
        f'<text x="{LEFT - 6}" y="{bottom_y + 4:.1f}" font-size="{FONT}" text-anchor="end" '
        f'fill="{INK}">0</text>',
        f'<text x="{LEFT - 6}" y="{TOP + 8}" font-size="{FONT}" text-anchor="end" '
        f'fill="{INK}">{highest}</text>',
        f'<text x="{LEFT}" y="{HEIGHT - 12}" font-size="{FONT}" fill="{INK}">'
        f"{escape(date_format(first))}</text>",
    ]
    if last != first:
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 12}" font-size="{FONT}" text-anchor="end" '
            f'fill="{INK}">{escape(date_format(last))}</text>'
        )
    xy = [(_x(p.on, first, last), _y(p.score, highest)) for p in points]
    if len(points) > 1:
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
        parts.append(f'<polyline points="{line}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    for p, (x, y) in zip(points, xy, strict=True):
        radius = 6 if p.current else 4
        words = point_words(p) if point_words else f"{date_format(p.on)}: {p.score}"
        parts.append(
            f'<circle class="point" data-date="{p.on.date().isoformat()}" '
            f'data-score="{p.score}" cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{LINE}" '
            f'stroke="#ffffff" stroke-width="1.5"><title>{escape(words)}</title></circle>'
        )
    parts.append("</svg>")
    return "".join(parts)


# ---- what a page shows: the chart and the table of the same numbers ------------------------
def chart_context(
    series: Series,
    *,
    chart_id: str,
    title: str,
    description: str,
    band_names: dict[str, str],
    date_format,
    change_words: str = "",
    axis_format=None,
) -> dict:
    """One chart for ``review/_trend_chart.html``: its SVG and its table rows, built from
    the same points so they cannot disagree. ``axis_format``: a shorter date for the
    chart's axis (default ``date_format``)."""

    def band_of(point: Point) -> str:
        if point.band is not None:
            return band_names.get(point.band, point.band.replace("_", " "))
        if point.positive is not None:
            return band_names["positive" if point.positive else "negative"]
        return ""

    def words(point: Point) -> str:
        named = band_of(point)
        return f"{date_format(point.on)}: {point.score}" + (f" ({named})" if named else "")

    svg = chart_svg(
        series,
        chart_id=chart_id,
        title=title,
        description=description,
        band_names=band_names,
        date_format=axis_format or date_format,
        point_words=words,
    )
    return {
        "id": chart_id,
        "instrument": series.instrument,
        "title": title,
        "svg": mark_safe(svg),  # noqa: S308 (every text in it went through ``escape``)
        "change": change_words,
        "rows": [
            {
                "on": p.on,
                "date": date_format(p.on),
                "score": p.score,
                "band": band_of(p),
                "current": p.current,
            }
            for p in reversed(series.points)  # the table reads newest first
        ],
    }


STAFF_BANDS = {"moderately_severe": "moderately severe", "positive": "positive screen",
               "negative": "below the threshold"}  # fmt: skip


def _staff_date(on: datetime) -> str:
    return f"{on.day} {on:%b %Y}"


def staff_charts(intake: Intake, *, least: int = 2) -> list[dict]:
    """The detail and print pages' charts: each instrument with ``least`` or more totals
    (a single total is already in the scores table). One query."""
    charts = []
    for key, series in score_series(intake.patient_id, current_pk=intake.pk).items():
        if len(series.points) < least:
            continue
        bands = ", ".join(
            f"{STAFF_BANDS.get(b.name, b.name)} {b.low}-{b.high}" for b in series.bands
        )
        values = ", ".join(str(p.score) for p in series.points)
        first, last = series.points[0].on, series.points[-1].on
        description = (
            f"{series.title} totals from {_staff_date(first)} to {_staff_date(last)}: {values}."
            + (f" Shaded bands: {bands}." if bands else "")
            + " The table after the chart gives the same numbers."
        )
        change = series.last_change
        charts.append(
            chart_context(
                series,
                chart_id=f"trend-{key}",
                title=f"{series.title} over time",
                description=description,
                band_names=STAFF_BANDS,
                date_format=_staff_date,
                change_words=f"Latest change: {change.label} ({change.staff_words})."
                if change
                else "",
            )
        )
    return charts

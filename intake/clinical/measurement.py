"""What a change in a PHQ-9 or GAD-7 total means clinically (measurement-based care).

Pure: two totals in, a ``Change`` out, with its meaning, a line for staff and a plainer
line for the patient. The numbers, and where each comes from (none is in
shared/clinical-reference.md; each is from the paper cited here and in docs/clinical.md):

- **Response**: the total fell by 50% or more from the earlier one (Kroenke 2001; the
  usual trial definition, Kroenke 2010 review).
- **Remission**: the total is below 5, the "minimal" band (Kroenke 2001).
- Both are judged only when the earlier total was 10 or more (moderate or worse): a
  patient who started at 3 and is at 2 has not "remitted" from anything. This is the
  index rule of the depression remission and response measures (PHQ-9 above 9, NQF
  0710/1884, MN Community Measurement).
- **Clinically meaningful worsening / improvement**: a rise (or fall) of 5 points or more
  on the PHQ-9 (Kroenke 2001; Loewe 2004, the PHQ-9's minimal clinically important
  difference), 4 points or more on the GAD-7 (Toussaint 2020, the GAD-7's minimal
  clinically important difference). The GAD-7 otherwise follows the PHQ-9's conventions
  (response 50%, remission below 5 from 10 or more: 10 is the GAD-7's referral point).
- Anything else: no meaningful change.

Remission wins over response (it says more), and both over improvement. The patient's
line is marked for translation with ``_`` (a no-op here: the clinical core stays free of
Django); the page that shows it translates it with ``gettext``.
"""

from dataclasses import dataclass

from intake.clinical.instruments import INSTRUMENTS

RESPONSE = "response"
REMISSION = "remission"
WORSENING = "worsening"
IMPROVEMENT = "improvement"
NO_CHANGE = "no_change"
MEANINGS = (REMISSION, RESPONSE, WORSENING, IMPROVEMENT, NO_CHANGE)

KROENKE_2001 = "Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606"
KROENKE_2010 = "Kroenke et al. 2010, Gen Hosp Psychiatry 32:345 (PHQ scales review)"
LOEWE_2004 = "Loewe et al. 2004, Med Care 42:1194 (monitoring PHQ-9 outcomes)"
TOUSSAINT_2020 = "Toussaint et al. 2020, J Affect Disord 265:395 (GAD-7 change, MCID 4)"
MBC = (
    "measurement-based care: APA practice guidance; Fortney et al. 2017, Psychiatr Serv "
    "68:179; Joint Commission CTS.03.01.09 (2018)"
)
NQF_INDEX = "NQF 0710/1884 depression remission and response (index PHQ-9 above 9)"


def _(text: str) -> str:
    """Marks a patient line for makemessages; translated where it is shown."""
    return text


@dataclass(frozen=True)
class Convention:
    """The thresholds one instrument's changes are read with."""

    instrument: str
    name: str  # "PHQ-9"
    meaningful: int  # a rise or fall of this many points or more is clinically meaningful
    remission_below: int = 5
    response_fraction: float = 0.5  # a fall of this fraction of the earlier total or more
    outcome_from: int = 10  # response and remission only from an earlier total this high
    source: str = ""


CONVENTIONS: dict[str, Convention] = {
    "phq_9": Convention(
        "phq_9",
        "PHQ-9",
        meaningful=5,
        source=f"{KROENKE_2001}; {KROENKE_2010}; {LOEWE_2004}; {NQF_INDEX}; {MBC}",
    ),
    "gad_7": Convention(
        "gad_7",
        "GAD-7",
        meaningful=4,
        source=f"{TOUSSAINT_2020}; PHQ-9 conventions otherwise ({KROENKE_2010}); {MBC}",
    ),
}

# Staff words: (short label, sentence with the numbers).
_STAFF = {
    REMISSION: ("Remission", "{name} {earlier} -> {current}: below {below} from {earlier}"),
    RESPONSE: ("Response", "{name} {earlier} -> {current}: down {drop} ({percent}%), 50% or more"),
    WORSENING: (
        "Meaningful worsening",
        "{name} {earlier} -> {current}: up {rise}, {meaningful} or more is clinically meaningful",
    ),
    IMPROVEMENT: (
        "Meaningful improvement",
        "{name} {earlier} -> {current}: down {drop}, {meaningful} or more is clinically meaningful",
    ),
    NO_CHANGE: (
        "No meaningful change",
        "{name} {earlier} -> {current}: a change under {meaningful} points",
    ),
}

# Patient words: plain, no numbers to work out, no diagnosis.
PATIENT_WORDS = {
    REMISSION: _("Your answers now show few or no symptoms. That is a big improvement."),
    RESPONSE: _("Your score is half or less of what it was. That is a big improvement."),
    WORSENING: _(
        "Your score has gone up a lot since last time. Your care team will see this. "
        "If you feel unsafe, call or text 988."
    ),
    IMPROVEMENT: _("Your score has gone down a good amount since last time."),
    NO_CHANGE: _("Your score is about the same as last time."),
}


@dataclass(frozen=True)
class Change:
    instrument: str
    earlier: int
    current: int
    meaning: str  # one of MEANINGS

    @property
    def convention(self) -> Convention:
        return CONVENTIONS[self.instrument]

    @property
    def difference(self) -> int:
        """Current minus earlier: positive is a rise (worse on these scales)."""
        return self.current - self.earlier

    @property
    def label(self) -> str:
        """The short words for staff: "Response", "Meaningful worsening"."""
        return _STAFF[self.meaning][0]

    @property
    def staff_words(self) -> str:
        c = self.convention
        drop = self.earlier - self.current
        percent = round(100 * drop / self.earlier) if self.earlier else 0
        return _STAFF[self.meaning][1].format(
            name=c.name,
            earlier=self.earlier,
            current=self.current,
            below=c.remission_below,
            drop=drop,
            rise=self.difference,
            percent=percent,
            meaningful=c.meaningful,
        )

    @property
    def patient_words(self) -> str:
        """Plain words, untranslated: the page shows them through ``gettext``."""
        return PATIENT_WORDS[self.meaning]

    @property
    def worsened(self) -> bool:
        return self.meaning == WORSENING

    def to_dict(self) -> dict:
        return {
            "instrument": self.instrument,
            "earlier": self.earlier,
            "current": self.current,
            "difference": self.difference,
            "meaning": self.meaning,
            "label": self.label,
            "words": self.staff_words,
        }


def highest_total(instrument: str) -> int:
    items = INSTRUMENTS[instrument].items
    return sum(max(option.score for option in item.options) for item in items)


def meaning(instrument: str, earlier: int, current: int) -> str:
    """One of ``MEANINGS`` for a change from ``earlier`` to ``current`` (whole totals)."""
    c = CONVENTIONS[instrument]
    for value in (earlier, current):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{c.name} totals are whole numbers, not {value!r}")
        if not 0 <= value <= highest_total(instrument):
            raise ValueError(f"{c.name} total out of range: {value}")
    if earlier >= c.outcome_from:
        if current < c.remission_below:
            return REMISSION
        if earlier - current >= c.response_fraction * earlier:
            return RESPONSE
    if current - earlier >= c.meaningful:
        return WORSENING
    if earlier - current >= c.meaningful:
        return IMPROVEMENT
    return NO_CHANGE


def score_change(instrument: str, earlier: int | None, current: int | None) -> Change | None:
    """The change between two complete totals, or None when either is missing or the
    instrument has no convention here (AUDIT-C, DAST-10: shown, not interpreted)."""
    if instrument not in CONVENTIONS or earlier is None or current is None:
        return None
    return Change(instrument, earlier, current, meaning(instrument, earlier, current))

"""What a score band means, as the detail page says it, covers exactly the totals the
instrument puts in that band (the cut-offs are declared once, with the instrument)."""

import re

import pytest

from intake.clinical.instruments import INSTRUMENTS, band
from intake.review.labels import BAND_MEANING


@pytest.mark.parametrize("key", sorted(BAND_MEANING))
def test_each_meaning_names_the_totals_of_its_band(key):
    instrument = INSTRUMENTS[key]
    top = sum(max(option.score for option in item.options) for item in instrument.items)
    for total in range(top + 1):
        low, _, high = re.search(
            r"\((\d+)(-(\d+))?\)", BAND_MEANING[key][band(instrument, total)]
        ).group(1, 2, 3)
        assert int(low) <= total <= int(high or low), (key, total)

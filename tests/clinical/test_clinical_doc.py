"""docs/clinical.md lists every decision-support rule and the diazepam equivalence table;
the code declares them. These tests keep the two from drifting apart."""

import re
from pathlib import Path

from intake.clinical import catalog_data
from intake.clinical.rules import RULE_INFO

DOC = Path(__file__).resolve().parents[2] / "docs" / "clinical.md"


def _first_table_after(heading: str) -> list[list[str]]:
    text = DOC.read_text().split(heading, 1)[1]
    lines = []
    for line in text.splitlines():
        if line.startswith("|"):
            lines.append(line)
        elif lines:
            break
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def test_every_rule_is_in_the_documented_table_with_its_usual_severity_and_badge():
    rows = _first_table_after("## Priority and the decision-support rules")
    documented = {row[0].strip("`"): row for row in rows}
    assert set(documented) == set(RULE_INFO)
    for code, info in RULE_INFO.items():
        assert documented[code][1].startswith(info.severity), code
        assert documented[code][2] == info.label, code


def _mg(value: str) -> tuple[float, float] | None:
    found = re.match(r"([\d.]+)(?:-([\d.]+))?", value)
    if not found:
        return None
    low = float(found.group(1))
    return low, float(found.group(2) or low)


def test_the_documented_equivalence_table_is_the_catalogs():
    rows = _first_table_after("### Dose and diazepam equivalence")
    documented = {row[0]: (_mg(row[1]), _mg(row[2])) for row in rows}
    benzos = [m for m in catalog_data.MEDICATIONS if m["drug_class"] == catalog_data.BENZO]
    catalog = {
        m["generic"]: (
            tuple(map(float, m["ashton_mg"])) if m["ashton_mg"] else None,
            tuple(map(float, m["vadod_mg"])) if m["vadod_mg"] else None,
        )
        for m in benzos
        if m["ashton_mg"] or m["vadod_mg"]
    }
    assert documented == catalog

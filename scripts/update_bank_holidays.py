"""Writes lasting_home_desktop/domain/bank_holidays_table.py: England and Wales bank holidays
for the years the app mostly needs, taken from the `holidays` package.

Start-up should not spend a tenth of a second importing every country's holidays to flag one
panel agenda, so the app reads this table for these years and asks the package for any other.
A test (tests/unit/test_working_days.py) fails when the package and the table disagree, for
example after a new bank holiday is proclaimed: then run this script again.
"""

from __future__ import annotations

import sys
from pathlib import Path

import holidays

YEARS = range(2024, 2036)
TARGET = (
    Path(__file__).resolve().parent.parent / "lasting_home_desktop/domain/bank_holidays_table.py"
)


def main() -> int:
    lines = [
        '"""England and Wales bank holidays, written by scripts/update_bank_holidays.py from the',
        '`holidays` package; a test checks the two agree. Do not edit by hand."""',
        "",
        "from __future__ import annotations",
        "",
        f"FIRST_YEAR, LAST_YEAR = {YEARS.start}, {YEARS.stop - 1}",
        "# ISO date -> name",
        "BANK_HOLIDAYS: dict[str, str] = {",
    ]
    found = holidays.country_holidays("GB", subdiv="ENG", years=YEARS)
    for day, name in sorted(found.items()):
        lines.append(f'    "{day.isoformat()}": "{name}",')
    lines.append("}")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"Wrote {len(found)} bank holidays for {YEARS.start}-{YEARS.stop - 1} to {TARGET}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

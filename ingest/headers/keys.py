"""Header and title keys: the printed words with their periods generalised, so that the next
report's `Budget Jan - Apr 2026` meets the reviewed mapping of `Budget Jan - Aug 2025`.

Lower case; a month range in any spelling (`jan-apr`, `Jan - Aug`, `januari-augusti`) is
`{months}`; the report's own year is `{y}`, the two before it `{y-1}` and `{y-2}`; a header
that is one month (`Jan`, `Prel feb`) is `{mon}` (`prel {mon}`); a forecast number
(`Prognos 4`) is `{n}`. The reviewed seeds (`column_header_map`, `placement_column_map`,
`measure_column_map`, `table_family_map`) are keyed by these keys.
"""

from __future__ import annotations

import re

from ingest.periods import MONTH, MONTH_RANGE

_RANGE = re.compile(MONTH_RANGE)
_ONE_MONTH = re.compile(rf"^(prel )?{MONTH}$")
_FORECAST_NUMBER = re.compile(r"^prognos \d{1,2}$")


def period_key(text: str, report_year: int) -> str:
    key = _RANGE.sub("{months}", " ".join(text.lower().split()))
    for offset, placeholder in ((0, "{y}"), (1, "{y-1}"), (2, "{y-2}")):
        key = re.sub(rf"\b{report_year - offset}\b", placeholder, key)
    key = _ONE_MONTH.sub(lambda m: f"{m.group(1) or ''}{{mon}}", key)
    return "prognos {n}" if _FORECAST_NUMBER.match(key) else key

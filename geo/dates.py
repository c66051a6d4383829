"""When a clause says its event happened, relative to the article's date.

"on Friday", "yesterday", "last month", "earlier this year", "in June", "on September 16",
"in 2012", "the 1980-88 war": each moves the article's date, and an event more than
`RECENT_DAYS` before the article is historical (recalled, not reported).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from geo.errors import InputError

RECENT_DAYS = 14
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
_PATTERNS = [
    ("range", re.compile(r"\b(?P<year>(?:19|20)\d\d)\s*[-–]\s*(?:19|20)?\d\d\b")),
    ("season", re.compile(r"\b(?:in|during|over)\s+the\s+(?P<season>spring|summer|autumn|fall|winter)\s+of\s+"
                          r"(?P<year>(?:19|20)\d\d)\b", re.I)),
    # the preposition may open a sentence ("In June"); the month keeps its capital ("may" is a verb)
    ("month", re.compile(r"\b(?i:in|on|since|by|until|from|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?" + _MONTH +
                         r"(?:\s+(?P<day>\d{1,2})\b)?(?:,?\s+(?P<year>(?:19|20)\d\d))?")),
    ("year", re.compile(r"\b(?i:in|since|during|of)\s+(?P<year>(?:19|20)\d\d)\b")),
    ("last_year", re.compile(r"\blast\s+year\b", re.I)),
    ("this_year", re.compile(r"\bearlier\s+this\s+year\b", re.I)),
    ("last_month", re.compile(r"\blast\s+month\b", re.I)),
    ("last_week", re.compile(r"\blast\s+week\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("weekday", re.compile(r"\b(?:on\s+|last\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
]


def _month_day(year: int, month: int, day: int) -> date:
    for d in (day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def _when(kind: str, m: re.Match, today: date) -> date | None:
    if kind == "range":
        return date(int(m["year"]), 7, 1)
    if kind == "season":
        return date(int(m["year"]), SEASONS[m["season"].lower()], 1)
    if kind == "month":
        month = MONTHS.index(m["month"].lower()) + 1
        day = int(m["day"]) if m["day"] and 1 <= int(m["day"]) <= 31 else 15
        year = int(m["year"]) if m["year"] else today.year - (month > today.month)
        return _month_day(year, month, day)
    if kind == "year":
        year = int(m["year"])
        return None if year == today.year else date(year, 7, 1)
    if kind == "last_year":
        return date(today.year - 1, 7, 1)
    if kind == "this_year":
        return date(today.year, 1, 1) if today.month > 1 else today
    if kind == "last_month":
        return _month_day(today.year - (today.month == 1), (today.month - 2) % 12 + 1, today.day)
    if kind == "last_week":
        return today - timedelta(days=7)
    if kind == "yesterday":
        return today - timedelta(days=1)
    back = (today.weekday() - WEEKDAYS.index(m["weekday"].lower())) % 7
    return today - timedelta(days=back)


def event_date(clause: str, article_date: str | None) -> tuple[str | None, bool]:
    """The date a clause's event happened (YYYY-MM-DD) and whether it is historical.

    The earliest time expression of the clause wins: "seized in June what it still holds" recalls June.
    """
    if article_date is None:
        return None, bool(_PATTERNS[0][1].search(clause))
    today = date.fromisoformat(article_date)
    # "held since 2012", "under siege since May": a state that still holds, not an event of then
    found = [d for kind, pattern in _PATTERNS for m in pattern.finditer(clause)
             if not m.group().lower().startswith("since") and (d := _when(kind, m, today)) is not None and d <= today]
    if not found:
        return article_date, False
    when = min(found)
    return when.isoformat(), (today - when).days > RECENT_DAYS


def check_date(value: str | None, what: str = "date") -> str | None:
    """Return a YYYY-MM-DD date (or None), refusing anything else."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise InputError(f"Expected the {what} as YYYY-MM-DD, instead got: {value!r}")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise InputError(f"Expected the {what} as a real YYYY-MM-DD date, instead got: {value!r}") from None
    return value

"""Old Style (Julian) and New Style (Gregorian) dates.

Soviet Russia switched calendars in 1918: Wednesday 31 January (Old Style) was followed by
Thursday 14 February (New Style). Records store dates as the source gives them and say which
calendar that is; the New Style date is derived here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Calendar = Literal["julian", "gregorian"]

LAST_JULIAN_DAY = dt.date(1918, 1, 31)
FIRST_GREGORIAN_DAY = dt.date(1918, 2, 14)


def julian_to_gregorian(day: dt.date) -> dt.date:
    """The Gregorian date of the day that the Julian calendar calls `day`.

    `datetime.date` holds proleptic Gregorian year-month-day numbers; here they are read as
    Julian ones and shifted by the centuries' difference between the two calendars.
    """
    century = day.year // 100 if day.month > 2 else (day.year - 1) // 100
    return day + dt.timedelta(days=century - century // 4 - 2)


def new_style(day: dt.date, calendar: Calendar) -> dt.date:
    """The New Style (Gregorian) date of `day` given in `calendar`."""
    return julian_to_gregorian(day) if calendar == "julian" else day

"""Numbers in words: bounds stay bounds, approximations stay approximate, shares keep the source's precision."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.wording import base, change, count, difference_bound, share


@pytest.mark.parametrize(
    ("args", "short", "long"),
    [
        ((1090,), "1,090", "1,090"),
        ((1090, True), "≈1,090", "about 1,090"),
        ((860, True, "more than"), ">860", "more than 860"),  # a bound wins over an approximation
        ((32, False, "no more than"), "≤32", "no more than 32"),
        ((787, False, "fewer than"), "<787", "fewer than 787"),
        ((pd.NA,), "not given", "not given"),
    ],
)
def test_count(args: tuple, short: str, long: str) -> None:
    assert count(*args) == short and count(*args, long=True) == long


def test_share_keeps_the_sources_precision_or_one_decimal() -> None:
    assert share(72, digits=None) == "72%" and share(94.1, digits=None) == "94.1%"
    assert share(60.0924) == "60.1%" and share(15.4, True) == "≈15.4%" and share(52.2, False, "more than") == ">52.2%"


def test_change() -> None:
    assert change(173) == "+173" and change(-176) == "−176" and change(4.66, unit="pts") == "+4.7 pts"
    assert change(183, approximate=True) == "≈+183" and change(pd.NA) == "—"


def test_a_number_derived_from_a_bound_is_a_bound() -> None:
    assert difference_bound(None, ["more than"]) == (True, "fewer than")  # 1,647 − >860 = <787
    assert difference_bound(None, ["no more than"]) == (True, "at least")
    assert difference_bound("more than", [None]) == (True, "more than")
    assert difference_bound("more than", ["more than"]) == (False, None)  # pulls both ways: unknown
    assert difference_bound(None, [None, None]) == (True, None)


def test_base_names_what_a_share_is_of() -> None:
    assert base("delegates with full vote", 784) == "of 784 delegates with full vote"
    assert base("all delegates", 1090, True) == "of all ≈1,090 delegates"
    assert base("sum of the listed parts", 116) == "of 116, the sum of the listed parts"
    assert base(None) == "total not recorded" and base("delegates with full vote") == "of the delegates with full vote"

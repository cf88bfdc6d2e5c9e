"""Bad records stop the loader with a message naming the file, the field path and the bad value."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.loader import RecordError, load_records


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _error(root: Path) -> str:
    with pytest.raises(RecordError) as caught:
        load_records(root)
    return str(caught.value)


def test_real_records_are_valid() -> None:
    assert [c.id for c in load_records().congresses][:2] == ["ar-01", "ar-02"]


def test_missing_field(data_copy: Path) -> None:
    _edit(data_copy / "congresses/ar-02.toml", 'official_name = "Second', 'nickname = "Second')
    message = _error(data_copy)
    assert "data/congresses/ar-02.toml: official_name: Field required" in message
    assert "nickname: Extra inputs are not permitted" in message


def test_wrong_type(data_copy: Path) -> None:
    _edit(data_copy / "congresses/ar-02.toml", "value = 649", 'value = "six hundred"')
    assert "ar-02.toml: delegates.total.value: Input should be a valid integer" in _error(data_copy)
    assert "(got 'six hundred')" in _error(data_copy)


def test_negative_count(data_copy: Path) -> None:
    _edit(data_copy / "congresses/ar-01.toml", "count = 105", "count = -105")
    message = _error(data_copy)
    assert "ar-01.toml: breakdowns.0.parts.4.count: Input should be greater than or equal to 0 (got -105)" in message


def test_unknown_source(data_copy: Path) -> None:
    _edit(data_copy / "congresses/ar-09.toml", 'source = "mia-glossary"', 'source = "wikipedia-ninth"')
    message = _error(data_copy)
    assert "ar-09.toml: dates.source: unknown source id 'wikipedia-ninth'" in message
    assert "(got 'wikipedia-ninth')" in message


def test_unknown_party(data_copy: Path) -> None:
    _edit(data_copy / "congresses/ar-02.toml", 'id = "menshevik"', 'id = "cadet"')
    assert "ar-02.toml: breakdowns.0.parts: 3.id: unknown party id 'cadet'" in _error(data_copy)


def test_sub_faction_larger_than_parent(data_copy: Path) -> None:
    _edit(data_copy / "congresses/ar-02.toml", "count = 100", "count = 170")
    message = _error(data_copy)
    assert "ar-02.toml: breakdowns.0: sub-part 'left-sr' (170) is larger than 'sr' (160)" in message


def test_duplicate_congress(data_copy: Path) -> None:
    original = data_copy / "congresses/ar-02.toml"
    (data_copy / "congresses/ar-02-copy.toml").write_bytes(original.read_bytes())
    assert re.search(r"ar-02(-copy)?\.toml: id: duplicate congress 'ar-02', also in", _error(data_copy))


@pytest.mark.parametrize("bad", ["1917-02-30", "1917-13-01", "yesterday"])
def test_impossible_date(data_copy: Path, bad: str) -> None:
    _edit(data_copy / "congresses/ar-02.toml", 'start = "1917-10-25"', f'start = "{bad}"')
    message = _error(data_copy)
    assert "ar-02.toml: dates.start: Input should be a valid date" in message
    assert f"(got '{bad}')" in message


def test_end_before_start(data_copy: Path) -> None:
    _edit(data_copy / "congresses/ar-09.toml", 'end = "1921-12-28"', 'end = "1921-12-20"')
    assert "ar-09.toml: dates: end date 1921-12-20 is before start date 1921-12-23" in _error(data_copy)


def test_julian_date_after_the_calendar_change(data_copy: Path) -> None:
    _edit(data_copy / "congresses/ar-09.toml", 'calendar = "gregorian"', 'calendar = "julian"')
    assert "dates: 1921-12-23 is after Russia left the Julian calendar" in _error(data_copy)


def test_not_utf8(data_copy: Path) -> None:
    path = data_copy / "congresses/ar-09.toml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1251", errors="replace"))
    assert "data/congresses/ar-09.toml: not UTF-8 text" in _error(data_copy)


def test_empty_file(data_copy: Path) -> None:
    (data_copy / "congresses/ar-09.toml").write_text("  \n", encoding="utf-8")
    assert "data/congresses/ar-09.toml: the file is empty" in _error(data_copy)


def test_vote_exceeds_delegates_present(data_copy: Path) -> None:
    _edit(data_copy / "congresses/ar-01.toml", "for = 543", "for = 743")
    message = _error(data_copy)
    assert "votes.0 (support-provisional-government): 921 votes counted, more than the voting delegates" in message


def test_caucus_vote_exceeds_its_faction(data_copy: Path) -> None:
    _edit(data_copy / "congresses/ar-02.toml", "for = 60", "for = 90")
    assert "182 votes counted, more than the sr delegates present (160)" in _error(data_copy)


def test_percentages_must_sum_to_100(data_copy: Path) -> None:
    path = data_copy / "congresses/ar-09.toml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + """
[[breakdowns]]
kind = "social"
of = "delegates"
population = "unstated"
unit = "percent"
[[breakdowns.parts]]
id = "workers"
share = 39
source = "mia-glossary"
excerpt = "x"
[[breakdowns.parts]]
id = "peasants"
share = 20.5
source = "mia-glossary"
excerpt = "x"
""",
        encoding="utf-8",
    )
    assert "shares add up to 59.5%, not 100% within rounding" in _error(data_copy)


def test_errors_are_all_reported_together(data_copy: Path) -> None:
    _edit(data_copy / "congresses/ar-01.toml", "count = 105", "count = -105")
    _edit(data_copy / "congresses/ar-09.toml", "value = 386", "value = -386")
    message = _error(data_copy)
    assert "ar-01.toml" in message and "ar-09.toml" in message


def test_command_line_reports_bad_records_without_traceback(data_copy: Path, tmp_path: Path) -> None:
    _edit(data_copy / "congresses/ar-01.toml", "count = 105", "count = -105")
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "--data", str(data_copy), "data", "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "breakdowns.0.parts.4.count" in result.stderr and "(got -105)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()

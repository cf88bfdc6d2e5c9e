"""The address printed on exports: CONGRESS_PUBLIC_URL where it is set, never a loopback address."""

from __future__ import annotations

import pytest

from dashboard.public_url import ENV, printed_link, public_url


@pytest.mark.parametrize(
    "page", ["http://127.0.0.1:8050/?congress=2", "http://localhost:8050/", "http://[::1]:8050/", None]
)
def test_no_link_is_printed_for_a_page_opened_on_this_machine(page: str | None, monkeypatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    assert printed_link(page, "?congress=2") is None


def test_the_page_s_own_address_is_printed_when_it_is_public(monkeypatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    link = printed_link("https://school.example/soviets/?congress=1", "?congress=2")
    assert link == "https://school.example/soviets/?congress=2"


def test_the_public_address_wins_over_the_page_s(monkeypatch) -> None:
    monkeypatch.setenv(ENV, "https://congresses.school.example")
    assert printed_link("http://127.0.0.1:8050/", "?compare=1,2") == "https://congresses.school.example/?compare=1,2"


@pytest.mark.parametrize("bad", ["ftp://x.example/", "https://x.example/?q=1", "javascript:alert(1)", "x" * 300])
def test_a_bad_public_address_is_refused_with_its_name(bad: str) -> None:
    with pytest.raises(ValueError, match=ENV):
        public_url(bad)

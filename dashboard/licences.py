"""The licences: of the code, of the compiled records, and of the sources whose words the records quote."""

from __future__ import annotations

from typing import NamedTuple, get_args

from dashboard.records import Licence


class LicenceInfo(NamedTuple):
    """A licence as a Data Package names it: an identifier, a title and where its text is."""

    name: str
    title: str
    path: str

    def as_package(self) -> dict[str, str]:
        """The licence as a Frictionless `licenses` entry."""
        return {"name": self.name, "title": self.title, "path": self.path}


CODE = LicenceInfo("MIT", "MIT License", "https://opensource.org/license/mit")
DATA = LicenceInfo(
    "CC-BY-SA-4.0",
    "Creative Commons Attribution-ShareAlike 4.0 International",
    "https://creativecommons.org/licenses/by-sa/4.0/",
)
"""The compiled records (data/ and the data package). Each excerpt stays under its source's terms."""

SOURCES: dict[str, LicenceInfo] = {
    "CC-BY-SA-4.0": DATA,
    "CC-BY-SA-3.0": LicenceInfo(
        "CC-BY-SA-3.0",
        "Creative Commons Attribution-ShareAlike 3.0 Unported",
        "https://creativecommons.org/licenses/by-sa/3.0/",
    ),
    "CC-BY-SA-2.0": LicenceInfo(
        "CC-BY-SA-2.0",
        "Creative Commons Attribution-ShareAlike 2.0 Generic",
        "https://creativecommons.org/licenses/by-sa/2.0/",
    ),
    "GFDL": LicenceInfo(
        "GFDL",
        "GNU Free Documentation License (the source names no version)",
        "https://www.gnu.org/licenses/fdl-1.3.html",
    ),
    "public-domain": LicenceInfo(
        "public-domain", "Public domain", "https://creativecommons.org/publicdomain/mark/1.0/"
    ),
    "quotation": LicenceInfo(
        "quotation",
        "Short quotation with attribution (Berne Convention, article 10(1)); the work stays under its owner's terms",
        "https://www.wipo.int/treaties/en/ip/berne/",
    ),
}
"""Every `licence` a source in data/sources.toml may give, keyed by that value."""

assert set(SOURCES) == set(get_args(Licence)), "every licence a source may give has its title and address"

"""Front-end files from the npm registry, pinned by `vendor.lock`: where they live, and fetching them.

`bash bin/setup` runs `python -m dashboard.vendor`: each file listed in vendor.lock is taken from its package
(`npm pack` of the exact version), checked against the lock's hashes of the tarball and of the file, and
written to vendor/. A file already there with the right hash is kept, so a second set-up needs no network.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "vendor.lock"
VENDOR_DIR = ROOT / "vendor"
GENERATOR_RUNTIME = "regenerator-runtime.js"
"""What Dash's renderer needs of its polyfill in today's browsers; the page loads it instead of the polyfill."""
PLOTLY_BUNDLE = "plotly-basic.min.js"
PLOTLY_LOCALES = ("plotly-locale-ru.js",)
"""plotly.js's words and number formats in the page's other languages (each registers itself with Plotly)."""


class VendorError(RuntimeError):
    """A vendored file is missing, or a download does not match vendor.lock."""


@dataclass(frozen=True)
class VendorFile:
    """One file of one npm package at an exact version, with the hashes that pin it."""

    name: str
    package: str
    path: str
    integrity: str
    sha512: str

    @property
    def target(self) -> Path:
        return VENDOR_DIR / self.name


def locked() -> list[VendorFile]:
    """Every file vendor.lock lists."""
    return [VendorFile(**entry) for entry in tomllib.loads(LOCK.read_text())["file"]]


def sri(data: bytes) -> str:
    """A subresource-integrity hash, npm's format: "sha512-" and the base64 digest."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def path(name: str) -> Path:
    """A vendored file, checked against vendor.lock; a missing or altered one stops the caller."""
    entry = next(f for f in locked() if f.name == name)
    if not entry.target.is_file() or sri(entry.target.read_bytes()) != entry.sha512:
        raise VendorError(f"{entry.target} is missing or differs from vendor.lock: run `bash bin/setup`")
    return entry.target


def fetch(entry: VendorFile) -> bool:
    """Put `entry` into vendor/ unless it is there already; True if it was downloaded."""
    if entry.target.is_file() and sri(entry.target.read_bytes()) == entry.sha512:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        packed = subprocess.run(
            ["npm", "pack", entry.package, "--ignore-scripts", "--json", "--pack-destination", tmp],
            check=True,
            capture_output=True,
            text=True,
        )
        tarball = Path(tmp) / json.loads(packed.stdout)[0]["filename"]
        if sri(tarball.read_bytes()) != entry.integrity:
            raise VendorError(f"{entry.package}: the tarball's hash differs from vendor.lock")
        with tarfile.open(tarball) as archive:
            member = archive.extractfile(f"package/{entry.path}")
            data = member.read() if member else b""
    if sri(data) != entry.sha512:
        raise VendorError(f"{entry.package}: {entry.path}'s hash differs from vendor.lock")
    VENDOR_DIR.mkdir(exist_ok=True)
    partial = entry.target.with_name(entry.target.name + ".part")
    partial.write_bytes(data)
    partial.replace(entry.target)
    return True


def main() -> None:
    for entry in locked():
        try:
            fetched = fetch(entry)
        except (VendorError, subprocess.CalledProcessError, KeyError) as error:
            print(f"vendor: {entry.name} from {entry.package}: {error}", file=sys.stderr)
            raise SystemExit(1) from None
        print(f"vendor: {entry.name} ({entry.package}) {'fetched' if fetched else 'up to date'}")


if __name__ == "__main__":
    main()

"""Command line: `python -m dashboard data --out DIR` writes the data package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.loader import DATA_DIR, RecordError


def _data(args: argparse.Namespace) -> None:
    from dashboard.datapackage import write_package
    from dashboard.frames import load_frames

    for path in write_package(load_frames(args.data), args.out):
        print(path)


def parser() -> argparse.ArgumentParser:
    """The command-line parser, with one sub-command per job."""
    main = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    main.add_argument("--data", type=Path, default=DATA_DIR, help="records folder (default: %(default)s)")
    commands = main.add_subparsers(dest="command", required=True)
    data = commands.add_parser("data", help="write every frame as CSV with a datapackage.json")
    data.add_argument("--out", type=Path, required=True, help="folder to write into")
    data.set_defaults(run=_data)
    return main


def main(argv: list[str] | None = None) -> int:
    """Run the command line; bad records exit with status 1 and a message, no traceback."""
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except RecordError as error:
        print(f"Invalid records:\n{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

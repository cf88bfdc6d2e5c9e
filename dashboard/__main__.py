"""Command line: `python -m dashboard data --out DIR` writes the data package;
`python -m dashboard export --congress 2 --chart all --format svg --preset projector --out DIR` writes
chart images (or each chart's CSV or HTML); `--chart vote-seats --vote support-provisional-government` a
recorded vote drawn on the seats; `export --lesson 1917-first-to-second-congress --format pdf --out DIR` a
lesson's worksheet with its answer key; `--lang ru` any of them in Russian."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.charts import CHART_IDS, HALL
from dashboard.export import FORMATS, PRESET_NAMES, ExportError
from dashboard.frames import Frames
from dashboard.i18n import DEFAULT, LANGUAGES, use
from dashboard.loader import DATA_DIR, RecordError


def _data(args: argparse.Namespace) -> None:
    from dashboard.datapackage import write_package
    from dashboard.frames import load_frames

    for path in write_package(load_frames(args.data), args.out):
        print(path)


def _export(args: argparse.Namespace) -> None:
    from dashboard.frames import load_frames

    with use(args.lang):
        frames = load_frames(args.data).in_language(args.lang)
        args.out.mkdir(parents=True, exist_ok=True)
        if args.lesson:
            _worksheet(frames, args)
            return
        _charts(frames, args)


def _charts(frames: Frames, args: argparse.Namespace) -> None:
    from dashboard.export import (
        IMAGE_FORMATS,
        chart_filename,
        drawn_charts,
        export_file,
        permalink,
        resolve_congresses,
    )

    for congress_id in resolve_congresses(frames, args.congress):
        link = permalink(args.link, congress_id, args.lang) if args.link else None
        asked = CHART_IDS if args.chart == "all" else [args.chart]
        drawn = drawn_charts(frames, congress_id) if args.chart == "all" else asked
        for chart_id in asked:
            if chart_id not in drawn:  # 'all' writes what a congress's sources let it draw, and says what not
                print(f"{congress_id}: no {chart_id} (nothing to draw)", file=sys.stderr)
                continue
            preset = args.preset if args.format in IMAGE_FORMATS else None
            name = f"{chart_id}-{args.vote}" if chart_id == HALL.id else chart_id
            path = args.out / chart_filename(congress_id, name, args.format, preset)
            content = export_file(frames, chart_id, congress_id, args.format, args.preset, link, hall=args.vote)
            path.write_bytes(content)
            print(path)


def _worksheet(frames: Frames, args: argparse.Namespace) -> None:
    from dashboard.worksheet import worksheet_filename, worksheet_pdf

    if args.format != "pdf" or args.chart != "all":
        raise ExportError("a lesson's worksheet is a PDF: give --lesson with --format pdf and no --chart")
    path = args.out / worksheet_filename(args.lesson)
    path.write_bytes(worksheet_pdf(frames, args.lesson, args.link))
    print(path)


def parser() -> argparse.ArgumentParser:
    """The command-line parser, with one sub-command per job."""
    main = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    main.add_argument("--data", type=Path, default=DATA_DIR, help="records folder (default: %(default)s)")
    commands = main.add_subparsers(dest="command", required=True)
    data = commands.add_parser("data", help="write every frame as CSV with a datapackage.json")
    data.add_argument("--out", type=Path, required=True, help="folder to write into")
    data.set_defaults(run=_data)
    export = commands.add_parser("export", help="write chart images, or each chart's CSV or HTML")
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--congress", help="a congress as in the URL (2, au-1) or 'all'")
    which.add_argument("--lesson", metavar="ID", help="a lesson's worksheet and answer key (with --format pdf)")
    export.add_argument("--chart", default="all", choices=["all", *CHART_IDS, HALL.id], help="default: %(default)s")
    export.add_argument("--vote", metavar="ID", help=f"with --chart {HALL.id}: the vote drawn on the seats")
    export.add_argument("--format", default="png", choices=FORMATS, help="default: %(default)s")
    export.add_argument("--preset", default="projector", choices=PRESET_NAMES, help="image size (default: %(default)s)")
    export.add_argument("--link", metavar="URL", help="the dashboard's address, printed with ?congress=… in each image")
    export.add_argument("--out", type=Path, required=True, help="folder to write into")
    export.add_argument("--lang", default=DEFAULT, choices=list(LANGUAGES), help="language (default: %(default)s)")
    export.set_defaults(run=_export, error=export.error)
    return main


def main(argv: list[str] | None = None) -> int:
    """Run the command line; bad records exit with status 1 and a message, no traceback."""
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except ExportError as error:  # a bad congress or link: status 2 and the choices, like argparse
        args.error(str(error))
    except RecordError as error:
        print(f"Invalid records:\n{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

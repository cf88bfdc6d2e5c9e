"""Serve the dashboard: `python app.py` (development) or `gunicorn app:server` (production).

Host, port and debug mode come from flags or from CONGRESS_HOST, CONGRESS_PORT and CONGRESS_DEBUG.
Debug is off unless asked for.
"""

from __future__ import annotations

import argparse
import os
import sys

from dashboard.loader import RecordError
from dashboard.server import create_app

try:
    app = create_app()
except RecordError as error:
    print(f"The dashboard did not start: invalid records.\n{error}", file=sys.stderr)
    raise SystemExit(1) from None
server = app.server


def main() -> None:
    """Run the development server."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default=os.environ.get("CONGRESS_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("CONGRESS_PORT", "8050")))
    parser.add_argument(
        "--debug",
        action="store_true",
        default=os.environ.get("CONGRESS_DEBUG", "") == "1",
        help="Dash debug mode, with hot reload (never in production)",
    )
    args = parser.parse_args()
    app.run(host=args.host, port=args.port, debug=args.debug)


if __name__ == "__main__":
    main()

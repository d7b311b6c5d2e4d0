"""The ``symbinfo`` command."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    >>> main(["tour"]) == 0  # doctest: +ELLIPSIS
    H(Bernoulli(p)) ...
    True
    """
    parser = argparse.ArgumentParser(prog="symbinfo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("tour", help="derive and numerically check a few results")
    args = parser.parse_args(argv)
    if args.command == "tour":
        from .tour import run

        return 1 if run() else 0
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())

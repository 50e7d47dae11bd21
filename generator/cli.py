"""`bulletin` command line: parse arguments, dispatch, turn errors into one-line messages."""

from __future__ import annotations

import argparse
import importlib
import sys

from generator import __version__
from generator.errors import BulletinError
from generator.fsutil import describe_os_error, printable

COMMANDS = ["init", "ingest", "build", "serve", "check", "deploy", "tags"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bulletin", description="Bulletin Digest static site generator")
    parser.add_argument("--version", action="version", version=f"bulletin {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"generator.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 is printed escaped, never a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except BulletinError as exc:
        print(f"bulletin {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # the machine, not the input: a full disk, a read-only or vanished folder
        where = f"{printable(exc.filename)}: " if exc.filename else ""
        print(f"bulletin {args.command}: error: {where}{describe_os_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"bulletin {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())

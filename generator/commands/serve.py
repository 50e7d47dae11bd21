"""`bulletin serve`: build, serve output/ on localhost, rebuild on every save and reload open tabs."""

from __future__ import annotations

import argparse
import signal

from generator.project import add_path_arguments


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the site locally, rebuilding and reloading on every save",
        description="Build, then serve output/ over HTTP while watching content/, themes/ and site.yml: "
                    "every save rebuilds the site and reloads open browser tabs; build errors show in them.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=_port, default=8000, help="port (default: 8000; 0 picks a free one)")
    parser.add_argument("--no-reload", dest="reload", action="store_false",
                        help="serve the pages as built, without the live-reload script (still rebuilds on saves)")
    add_path_arguments(parser)
    parser.add_argument("--theme", help="theme name, a folder under themes/ (default: from site.yml)")
    parser.add_argument("--variant", action="append", default=[], metavar="LANGUAGE",
                        help="rebuild only this edition, e.g. zh-Hans, for faster saves (repeatable; default: every "
                        "edition); the other editions' pages stay as last built")
    parser.set_defaults(handler=run)


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 0 to 65535, not {value[:20]!r}")
    return int(value)


def run(args: argparse.Namespace) -> int:
    from generator.serve.session import ServeOptions, serve  # heavy imports (watchdog, the build) only when serving
    from generator.site.build import BuildOptions

    signal.signal(signal.SIGTERM, signal.default_int_handler)  # `kill` stops as cleanly as Ctrl-C
    build = BuildOptions(config=args.config, content=args.content, out=args.out, theme=args.theme,
                         variants=tuple(args.variant))
    return serve(ServeOptions(build, args.host, args.port, args.reload))

"""`bulletin init DIR`: start a new site in DIR."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

NEXT_STEPS = """\
next:
  cd {folder}
  bulletin ingest content/raw/*.txt   # the sample bulletin, as Markdown articles in content/
  bulletin serve                      # the site at http://127.0.0.1:8000/, rebuilt as you save
then edit site.yml (title, base_url), put your own raw bulletins in content/raw/, and publish with
GitHub Pages (see .github/workflows/pages.yml)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("init", help="start a new site in a folder",
                                   description="Create a new site in DIR: site.yml, content/ with the tag taxonomy, "
                                               "override phrases and a sample raw bulletin, a .gitignore and the "
                                               "GitHub Pages workflow. Refuses to overwrite any file.")
    parser.add_argument("folder", type=folder_name, metavar="DIR", help="the new site's folder (made if needed)")
    parser.set_defaults(handler=run)


def folder_name(text: str) -> Path:
    """DIR as a path; an empty name (which would mean the current folder) or the file system's root is
    refused: both are slips, and a site spread over / is no one's intent."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the folder's name is empty")
    if os.path.realpath(text) == os.path.realpath("/"):
        raise argparse.ArgumentTypeError(f"{text!r} is the file system's root; give the new site a folder of its own")
    return Path(text)


def run(args: argparse.Namespace) -> int:
    from generator.newsite import create

    written = create(args.folder)
    print(f"created a new site in {args.folder}/:")
    for name in written:
        print(f"  {name}")
    print(NEXT_STEPS.format(folder=args.folder))
    return 0

"""Render corpus sources to raw text: `python tests/corpus/render [NAME ...] [--compare]`.

See README.md in this folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CORPUS))

from render.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(argparse.ArgumentParser(prog="python tests/corpus/render", description=__doc__)))

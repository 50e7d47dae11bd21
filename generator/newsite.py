"""`bulletin init`: a new site, from the sample site the package carries (see `resources`).

A new site gets the sample's site.yml (every setting explained), its tag taxonomy and zh-Hant override
phrases, one raw bulletin to try ingest on, the GitHub Pages workflow, the requirements.txt that
workflow installs the generator from, and a .gitignore for what builds leave behind. Nothing that is
already there is ever overwritten: a folder holding any of these files is refused.
"""

from __future__ import annotations

from pathlib import Path

from generator import __version__
from generator.errors import BulletinError
from generator.fsutil import atomic_write_bytes
from generator.resources import starter_files

REQUIREMENTS = f"""\
# The generator the Pages workflow (.github/workflows/pages.yml) builds this site with: a release of
# bulletin-digest, or a wheel or repository of it, e.g. git+https://github.com/<owner>/bulletin-digest
bulletin-digest=={__version__}
"""
GITIGNORE = """\
# What builds and tools leave behind (bulletin build writes output/ and keeps .cache/ between builds)
output/
.output-*/
.cache/
.venv/
__pycache__/
"""


def new_site_files() -> dict[str, bytes]:
    """Every file of a new site, by its path in the site."""
    files = {name: path.read_bytes() for name, path in starter_files().items()}
    files["requirements.txt"] = REQUIREMENTS.encode()
    files[".gitignore"] = GITIGNORE.encode()
    return dict(sorted(files.items()))


def create(folder: Path) -> list[str]:
    """Write a new site into `folder` (made if needed); the paths written. A BulletinError, before
    anything is written, when `folder` already holds one of the files."""
    if folder.exists() and not folder.is_dir():
        raise BulletinError("exists and is not a folder", folder)
    files = new_site_files()
    there = [name for name in files if (folder / name).exists()]
    if there:
        raise BulletinError(f"already holds {', '.join(there)}: bulletin init starts a new site and never overwrites a file; "
                            "choose an empty folder", folder)
    for name, data in files.items():
        atomic_write_bytes(folder / name, data)
    return list(files)

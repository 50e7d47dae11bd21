"""A theme's UI strings in one language (`t('key', name=value)` in templates)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.errors import BulletinError

STRINGS_FILE = "i18n.yml"


@dataclass(frozen=True)
class Strings:
    """The theme's UI strings for one language: `t('key', name=value)` formats an entry."""

    language: str
    table: dict[str, str]

    def __call__(self, key: str, **values: object) -> str:
        entry = self.table.get(key)
        if entry is None:
            raise BulletinError(f"no UI string {key!r} for {self.language} in the theme's {STRINGS_FILE}")
        try:
            return entry.format(**values) if values else entry
        except (KeyError, IndexError, ValueError) as exc:
            raise BulletinError(f"UI string {key!r} for {self.language} has a bad placeholder: {exc}") from None

    def date(self, value: dt.date) -> str:
        return self("date", year=value.year, month=value.month, day=value.day)

    def issue_title(self, publication: str, date: dt.date) -> str:
        return self("issue_title", publication=publication, date=self.date(date))

"""What the model keeps between builds: related articles, and the pinyin of every name met (so that a
build meeting no new name never loads pypinyin)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.site.incremental import cachefile
from generator.site.model.related import RelatedMemo

FILE = cachefile.FOLDER / "model.json"


@dataclass
class ModelMemory:
    related: RelatedMemo = field(default_factory=RelatedMemo)
    pinyin: dict[str, str] = field(default_factory=dict)  # Han run -> pinyin (see `text.slugs.Slugger`)

    @classmethod
    def load(cls, project: Path) -> ModelMemory:
        return cachefile.load(project / FILE, lambda plain: cls(RelatedMemo(*plain["related"]), plain["pinyin"])) or cls()

    def save(self, project: Path) -> None:
        cachefile.save(project / FILE, {"related": [self.related.digest, self.related.keys], "pinyin": self.pinyin})

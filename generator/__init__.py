"""Bulletin Digest: turn PDF-extracted Chinese bulletins into a static site."""

__version__ = "0.1.0"

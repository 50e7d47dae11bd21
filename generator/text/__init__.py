"""The text layer shared by ingest, build and check: CJK character classes, words, slugs, YAML with
line numbers, and the front-matter schema. Nothing here knows about files or stages."""

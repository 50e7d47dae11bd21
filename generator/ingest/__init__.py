"""Ingest: raw PDF-extracted bulletin text -> issue folder of Markdown articles.

Data flows one way: decode (bytes -> text) -> lines (physical lines with layout cues) ->
boilerplate (page furniture removed, issue metadata found) -> layout (lines -> blocks) ->
rules (blocks classified) -> segment (blocks -> sections and articles) -> tagging, slugs ->
writer (Markdown files). Everything but `decode` input and `writer` output is pure.
"""

"""Labelled exports of a clinic's responses: long and wide CSV and their data dictionary
(docs/exports.md)."""

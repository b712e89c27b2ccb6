"""Outcome measures: assigning questionnaires, the pages clients fill in, and stored responses.

Instrument definitions are data files (``definitions/``, ``content/``); scoring them is the pure
``msrelief.scoring`` package.
"""

"""The cohort report: queries.py (which responses), compute.py (scores, pairs and statistics,
no database), build.py (the two together), export.py (JSON and CSV), practice.py (the clinic's
pooled change for the forest plot)."""

"""Reports over many clients: the clinic's cohort outcomes (queries -> build -> page, CSV, JSON).

It stores nothing of its own; every report reads current responses through ``cohort.queries``,
scores them as a matrix and summarises them with :mod:`msrelief.stats.cohort`.
"""

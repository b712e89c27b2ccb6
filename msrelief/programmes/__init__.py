"""Care programmes: templates taken from the trials in the evidence base (and the clinic's own),
enrolments that plan sessions and measures, session notes with a body map, pre/post ratings,
adverse events and adherence (docs/programmes.md)."""

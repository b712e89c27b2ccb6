"""A client's progress: one chart per construct over time with programme periods and events,
the change from baseline judged against the RCI and MCID, session-level relief, and the trial
results beside each change (issue 12)."""

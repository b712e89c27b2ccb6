"""A client's reports (issue 12, point 6): one builder (:mod:`.build`) gathers what both need,
and two templates tell it, one in plain words for the client and one as a clinical summary
for their neurologist or GP; each as an HTML page or a PDF (:mod:`.render`)."""

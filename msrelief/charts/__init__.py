"""Charts for msrelief: pure Vega-Lite specifications, their accessible SVG and PNG, and the same
numbers as table rows. Nothing here imports Django; what a chart of a score shows (its axis,
bands, MCID) comes from the instrument's presentation contract (docs/charts.md)."""

"""Charts for msrelief: pure Vega-Lite specifications, their accessible SVG and PNG, the same
numbers as table rows, and small inline-SVG sparklines. Nothing here imports Django; what a
chart of a score shows (its axis, bands, MCID) comes from the instrument's presentation
contract (docs/charts.md)."""

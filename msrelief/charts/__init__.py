"""Pure chart helpers (no Django): figures drawn from plain numbers, each with a text
alternative, for the pages and reports of the apps above."""

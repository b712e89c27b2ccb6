"""Small helpers that import nothing from Django."""

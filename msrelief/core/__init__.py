"""Site-wide pieces: the layout, home page, system checks and demo data."""

"""Safety: the pre-session screen's command and API (the pure screen is ``msrelief.screening``).

Later, the safety signals of responses, screens and adverse events move here too.
"""

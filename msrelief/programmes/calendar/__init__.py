"""Private calendar feeds (ICS, RFC 5545): one address per client and one per therapist, which
a calendar app subscribes to. The address holds a secret token shown once (only its hash is
kept); making a new address revokes the old one, and a revoked address answers 404.

``feeds`` turns plain rows into the calendar's bytes (no Django), ``rows`` reads those rows
from the database for one feed, ``services`` makes and revokes feeds, and ``views`` serve the
feed and the staff pages.
"""

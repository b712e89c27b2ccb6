"""The JSON API (django-ninja), served under /api/ with its OpenAPI schema at /api/openapi.json."""

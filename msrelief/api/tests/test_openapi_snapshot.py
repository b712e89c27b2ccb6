import json
from pathlib import Path

from msrelief.api.api import api
from msrelief.testing import assert_matches_snapshot

SNAPSHOT = Path(__file__).resolve().parents[3] / "docs" / "api" / "openapi.json"


def test_the_openapi_schema_matches_the_committed_snapshot():
    schema = api.get_openapi_schema(path_prefix="/api/")
    assert_matches_snapshot(json.dumps(schema, indent=2, sort_keys=True) + "\n", SNAPSHOT)

from typing import Any

import pytest


@pytest.fixture
def robin(therapist: Any, ms_client: Any, person_with_ms: Any) -> Any:
    """Robin's record, with their email address and their client login linked to it."""
    from msrelief.clients import services

    services.update_client(therapist, ms_client, email=person_with_ms.email)
    return services.link_login(therapist, ms_client, person_with_ms)

"""Who may see and change which client. Every query for client data starts here, so that a
user only ever sees their own clinic's clients."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from msrelief.accounts.models import Role, User
from msrelief.clients.models import Client
from msrelief.core.prepared import INTEGER_MARKER, PreparedLookup

# A client by id, with their therapist and clinic: the query every page about one client runs
# first, compiled once per connection (core/prepared.py). Who may see the row is checked by
# get_client_or_404, with the same rule as clients_for.
_BY_PK = PreparedLookup(
    Client,
    lambda pk: Client.objects.select_related("therapist", "clinic").filter(pk=pk).order_by()[:1],
    marker=INTEGER_MARKER,
)
# The ids a database integer can hold: a larger one names no client (and SQLite refuses it).
_LARGEST_ID = 2**63 - 1


def clients_for(user: User) -> QuerySet[Client]:
    """The clients ``user`` may see: all of their clinic's, if they are clinic staff."""
    if not user.is_authenticated or not user.is_clinic_staff or user.clinic_id is None:
        return Client.objects.none()
    return Client.objects.filter(clinic_id=user.clinic_id)


def get_client_or_404(user: User, pk: int | str) -> Client:
    """The client with ``pk`` if ``user`` may see it (``clients_for``: one of their clinic's,
    if they are clinic staff); otherwise 404, never a hint it exists."""
    try:
        number = int(pk)
    except (ValueError, TypeError):
        raise Http404("No such client") from None
    may_see = user.is_authenticated and user.is_clinic_staff and user.clinic_id is not None
    found = _BY_PK.first(number) if may_see and 0 < number <= _LARGEST_ID else None
    if found is None or found.clinic_id != user.clinic_id:
        raise Http404("No such client")
    return found


def can_delete_client(user: User, client: Client) -> bool:
    """The clinic admin, or the client's responsible therapist, may delete a client record."""
    if not user.is_clinic_staff or user.clinic_id != client.clinic_id:
        return False
    return user.role == Role.CLINIC_ADMIN or client.therapist_id == user.pk


def staff_of(user: User) -> QuerySet[User]:
    """The clinic staff who can be made a client's responsible therapist."""
    if user.clinic_id is None:
        return User.objects.none()
    return User.objects.filter(
        clinic_id=user.clinic_id, role__in=[Role.CLINIC_ADMIN, Role.THERAPIST], is_active=True
    )


def staff_client(
    actor: User, client: Client, refusal: str = "Only clinic staff can do this."
) -> Client:
    """``client`` fetched again for ``actor``, for a service that writes about it:
    PermissionDenied (with ``refusal``) for anyone who is not clinic staff, 404 outside their
    clinic. Every app's services start with this."""
    if not actor.is_authenticated or not actor.is_clinic_staff:
        raise PermissionDenied(refusal)
    return get_client_or_404(actor, client.pk)

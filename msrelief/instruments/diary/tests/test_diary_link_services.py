"""services.new_diary_link and services.revoke_diary_link: a new standing link replaces the
old one at once; a link switched off opens nothing, and the login still works."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from msrelief.audit.models import AuditEvent
from msrelief.instruments import tokens
from msrelief.instruments.diary import services


def test_a_new_link_replaces_the_old_one_which_stops_matching(plan_and_token, therapist):
    plan, old = plan_and_token
    changed, new = services.new_diary_link(therapist, plan)
    assert new != old
    assert changed.token_hash == tokens.hash_token(new) != tokens.hash_token(old)
    plan.refresh_from_db()
    assert plan.token_hash == tokens.hash_token(new)
    assert AuditEvent.objects.get(event="diary.link_replaced").object_id == str(plan.pk)


def test_a_new_link_can_be_made_after_the_link_was_switched_off(plan, therapist):
    services.revoke_diary_link(therapist, plan)
    changed, new = services.new_diary_link(therapist, plan)
    assert changed.has_link and changed.token_hash == tokens.hash_token(new)


def test_switching_the_link_off_keeps_no_hash_and_is_audited(plan, colleague):
    services.revoke_diary_link(colleague, plan)
    plan.refresh_from_db()
    assert plan.token_hash is None and plan.link_made_at is None and not plan.has_link
    assert AuditEvent.objects.filter(event="diary.link_revoked").count() == 1


def test_switching_off_a_link_that_is_off_already_says_so(plan, therapist):
    services.revoke_diary_link(therapist, plan)
    with pytest.raises(ValidationError, match="already switched off"):
        services.revoke_diary_link(therapist, plan)


def test_an_outsider_can_neither_replace_nor_switch_off_the_link(plan_and_token, outsider):
    plan, token = plan_and_token
    with pytest.raises(Http404):
        services.new_diary_link(outsider, plan)
    with pytest.raises(Http404):
        services.revoke_diary_link(outsider, plan)
    plan.refresh_from_db()
    assert plan.token_hash == tokens.hash_token(token)

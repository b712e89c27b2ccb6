from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from msrelief.core import errors


class NoteForm(forms.Form):
    note = forms.CharField(required=False)


def test_a_field_error_lands_on_its_field_and_an_unknown_field_on_the_form():
    form = NoteForm({"note": "x"})
    assert form.is_valid()
    errors.add_to_form(form, ValidationError({"note": "Too short.", "other": "Not here."}))
    assert form.errors["note"] == ["Too short."]
    assert form.non_field_errors() == ["Not here."]


def test_an_alias_maps_a_service_field_to_the_forms_field():
    form = NoteForm({"note": "x"})
    form.is_valid()
    errors.add_to_form(form, ValidationError({"text": "Say more."}), aliases={"text": "note"})
    assert form.errors["note"] == ["Say more."]


def test_a_command_error_is_one_line_naming_each_field():
    error = ValidationError({"yi": "must be a number", "vi": "must be above 0"})
    assert str(errors.as_command_error(error)) == "yi: must be a number; vi: must be above 0"
    assert str(errors.as_command_error(ValidationError("Nothing to do."))) == "Nothing to do."


def test_the_api_body_names_the_fields_and_the_status_follows_the_kind():
    body = errors.api_body(ValidationError({"email": "Already used."}))
    assert body == {"detail": "email: Already used.", "errors": {"email": ["Already used."]}}
    assert [
        errors.api_status(e) for e in (ValidationError("x"), PermissionDenied(), Http404())
    ] == [
        400,
        403,
        404,
    ]


def test_an_operation_outcome_has_one_issue_a_message_with_its_field():
    outcome = errors.operation_outcome(ValidationError({"status": ["Unknown.", "Required."]}))
    assert outcome["resourceType"] == "OperationOutcome"
    assert [i["diagnostics"] for i in outcome["issue"]] == ["Unknown.", "Required."]
    assert outcome["issue"][0] == {
        "severity": "error",
        "code": "invalid",
        "diagnostics": "Unknown.",
        "expression": ["status"],
    }

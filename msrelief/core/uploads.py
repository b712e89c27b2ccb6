"""Reading a text file that a form takes either as an upload or pasted into a text box."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile

from msrelief.lib.limits import MAX_UPLOAD_BYTES, describe_bytes

__all__ = ["MAX_UPLOAD_BYTES", "read_upload"]


def read_upload(upload: UploadedFile | None, text: str, what: str) -> str:
    """The text of an uploaded file, or of the pasted text; exactly one must be given.

    Raises ``forms.ValidationError`` naming the problem (both or neither given, a file over
    1 MB, a file that is not UTF-8). A UTF-8 byte-order mark is dropped.
    """
    if upload is not None and text.strip():
        raise forms.ValidationError(f"Either choose a file or paste the {what}, not both.")
    if upload is None:
        if not text.strip():
            raise forms.ValidationError(f"Choose a file or paste the {what}.")
        return text
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(f"The file is larger than {describe_bytes(MAX_UPLOAD_BYTES)}.")
    try:
        data: bytes = upload.read()
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise forms.ValidationError("The file is not UTF-8 text.") from None

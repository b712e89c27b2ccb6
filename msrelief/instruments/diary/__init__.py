"""The symptom diary: a 30-second check-in of five 0-10 ratings (fatigue, pain, sleep quality,
stress, stiffness), daily or weekly, from a standing link or the client's login.

Each check-in stores one :class:`~msrelief.instruments.models.Response` per rating answered,
to msrelief's own NRS instruments, through the same ``store`` as every other response (scored
by the instrument's definition, audited, safety rules run), and groups them in a
:class:`~msrelief.instruments.diary.models.DiaryEntry`. The staff side (start a diary, the
link, the table and sparklines on the client record) and the client side (the check-in page
and its thank-you page) live here too; docs/diary.md describes both.
"""

"""The consent text a client agrees to. A new wording gets a new version; old records keep
the version they were given."""

CURRENT_VERSION = "2026-11"

TEXTS = {
    "2026-11": (
        "I agree that this clinic keeps the information I give about my health, my multiple "
        "sclerosis and my treatment, and the answers I give to questionnaires, so that my "
        "therapist can plan my care and see how I am doing. Only staff of this clinic can see "
        "it, and every time they look at it or change it, that is recorded. Massage is offered "
        "to help with symptoms and quality of life; it does not treat MS itself. I can ask for "
        "a copy of my information, or for it to be deleted, at any time."
    ),
}

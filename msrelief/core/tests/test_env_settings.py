import pytest

from msrelief.lib.env import SettingError, env_bool, env_int, env_list, env_str


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("Yes", True), ("off", False), ("", False)]
)
def test_yes_no_settings_accept_the_usual_words(raw, expected):
    assert env_bool("MSRELIEF_PRODUCTION", {"MSRELIEF_PRODUCTION": raw}) is expected


def test_a_yes_no_setting_with_another_word_is_an_error_naming_the_variable():
    with pytest.raises(SettingError, match="MSRELIEF_PRODUCTION='maybe'"):
        env_bool("MSRELIEF_PRODUCTION", {"MSRELIEF_PRODUCTION": "maybe"})


def test_a_number_setting_with_text_is_an_error_naming_the_variable():
    with pytest.raises(SettingError, match="MSRELIEF_EMAIL_PORT"):
        env_int("MSRELIEF_EMAIL_PORT", {"MSRELIEF_EMAIL_PORT": "twenty-five"})


def test_unset_settings_take_their_declared_default():
    assert env_str("MSRELIEF_TIME_ZONE", {}) == "Europe/London"
    assert env_list("MSRELIEF_ALLOWED_HOSTS", {}) == ["localhost", "127.0.0.1", "[::1]"]


def test_reading_an_undeclared_setting_is_a_programming_error():
    with pytest.raises(KeyError, match="not a declared setting"):
        env_str("MSRELIEF_NOT_DECLARED", {})

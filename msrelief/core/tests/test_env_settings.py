import pytest

from msrelief.lib.env import SettingError, env_bool, env_int, env_list, env_rate, env_str


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


def test_a_number_below_its_minimum_is_an_error_naming_the_variable_and_the_minimum():
    with pytest.raises(SettingError, match=r"MSRELIEF_IDLE_MINUTES='0': use 1 or more"):
        env_int("MSRELIEF_IDLE_MINUTES", {"MSRELIEF_IDLE_MINUTES": "0"}, minimum=1)
    assert env_int("MSRELIEF_IDLE_MINUTES", {"MSRELIEF_IDLE_MINUTES": "1"}, minimum=1) == 1


def test_unset_settings_take_their_declared_default():
    assert env_str("MSRELIEF_TIME_ZONE", {}) == "Europe/London"
    assert env_list("MSRELIEF_ALLOWED_HOSTS", {}) == ["localhost", "127.0.0.1", "[::1]"]


def test_reading_an_undeclared_setting_is_a_programming_error():
    with pytest.raises(KeyError, match="not a declared setting"):
        env_str("MSRELIEF_NOT_DECLARED", {})


@pytest.mark.parametrize("raw", ["20/10m", "100/h", "5/s", " 3 / 2d "])
def test_a_rate_setting_takes_a_count_and_a_period(raw):
    assert env_rate("MSRELIEF_SIGN_IN_RATE", {"MSRELIEF_SIGN_IN_RATE": raw}) == raw.replace(" ", "")


@pytest.mark.parametrize("raw", ["20", "20/10", "0/m", "ten/m", "20/10w"])
def test_a_rate_setting_that_is_not_count_slash_period_is_an_error_naming_the_variable(raw):
    with pytest.raises(SettingError, match="MSRELIEF_SIGN_IN_RATE="):
        env_rate("MSRELIEF_SIGN_IN_RATE", {"MSRELIEF_SIGN_IN_RATE": raw})

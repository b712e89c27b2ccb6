from django.urls import reverse


def test_pages_carry_a_strict_content_security_policy_and_other_headers(client, db):
    response = client.get(reverse("accounts-login"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert len(response["X-Request-ID"]) == 32


def test_production_mode_turns_on_hsts_and_secure_cookies(tmp_path):
    import os
    import subprocess
    import sys

    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='msrelief.settings'; "
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_SSL_REDIRECT)"
    )
    env = {**os.environ, "MSRELIEF_PRODUCTION": "1"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["31536000", "True", "True", "True"]


def test_every_response_denies_device_features_in_a_permissions_policy(client, db, therapist):
    client.force_login(therapist)
    for url in ("/", "/evidence/", reverse("clients-dashboard"), "/api/score/", "/no-such-page/"):
        policy = client.get(url)["Permissions-Policy"]
        directives = dict(part.split("=") for part in policy.split(", "))
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert directives[feature] == "()", (url, feature)
        assert directives["interest-cohort"] == "()"
        assert directives["browsing-topics"] == "()"

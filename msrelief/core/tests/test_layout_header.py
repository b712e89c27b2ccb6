"""The layout's header (base.html): who is signed in, "Log out", and the navigation that on a
narrow screen waits at the foot of the page behind "Menu"."""

import re

from django.urls import reverse

from msrelief.testing import make_user


def header(text: str) -> str:
    return text[text.index('<header class="site-header">') : text.index("</header>")]


def foot_menu(text: str) -> str:
    start = text.index('<nav id="menu"')
    return text[start : text.index("</nav>", start)]


def test_the_header_names_the_person_signed_in_beside_log_out(client, therapist):
    client.force_login(therapist)
    top = header(client.get(reverse("clients-dashboard")).text)
    assert re.search(r"Signed in as </span>\s*Tess Therapist</span>", top)
    assert ">Log out</button>" in top
    assert f'<form method="post" action="{reverse("accounts-logout")}"' in top


def test_someone_without_a_full_name_is_named_by_their_email_address(client, clinic):
    client.force_login(make_user("nameless@harbour.test", clinic, "therapist"))
    top = header(client.get(reverse("clients-dashboard")).text)
    assert re.search(r"Signed in as </span>\s*nameless@harbour.test</span>", top)


def test_the_header_menu_link_leads_to_the_same_links_at_the_foot_of_the_page(client, clinic_admin):
    client.force_login(clinic_admin)
    page = client.get(reverse("clients-dashboard")).text
    assert '<a class="menu-link" href="#menu">Menu</a>' in header(page)
    links = re.compile(r'<li><a href="([^"]+)">([^<]+)</a></li>')
    in_header = links.findall(header(page))
    at_foot = links.findall(foot_menu(page))
    assert in_header == at_foot
    assert [name for _, name in at_foot] == [
        "Learn", "Evidence", "Clients", "Programmes", "Cohort", "Audit log", "Licensed wording",
        "Exports", "Messages", "Logins", "Privacy", "Password",
    ]  # fmt: skip
    assert "Signed in as Alex Admin" in foot_menu(page)


def test_a_therapist_is_not_offered_the_clinic_admin_pages(client, therapist):
    client.force_login(therapist)
    page = client.get(reverse("clients-dashboard")).text
    for admin_only in ("Audit log", "Licensed wording", "Exports", "Messages", "Logins"):
        assert f">{admin_only}</a>" not in page


def test_a_visitor_gets_evidence_and_log_in_and_no_menu(client, db):
    page = client.get(reverse("evidence-home")).text
    top = header(page)
    assert f'href="{reverse("accounts-login")}">Log in</a>' in top
    assert "Menu" not in top and 'id="menu"' not in page and "Signed in as" not in page

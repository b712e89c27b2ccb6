"""The meta-analysis page puts a pooled Hedges' g in words (Cohen's bands) and leaves other
measures' estimates as numbers."""

import html
import re

from django.urls import reverse

from msrelief.stats.examples import bcg_csv

URL = reverse("evidence-meta")
THREE = "study,m1,sd1,n1,m2,sd2,n2\nA,10,2,20,12,2.5,22\nB,9,3,30,11,3,28\nC,8,2,15,8.5,2,15\n"


def test_a_pooled_hedges_g_is_given_its_band(client, db):
    data = {"measure": "SMD", "method": "REML", "csv_text": THREE}
    text = html.unescape(client.post(URL, data).text)
    estimate = float(re.search(r"Pooled estimate \(Hedges' g\)</dt><dd>(-?[\d.]+)", text).group(1))
    band = "small" if 0.2 <= abs(estimate) < 0.5 else "medium" if abs(estimate) < 0.8 else None
    assert band is not None, estimate  # the example pools to a small or medium effect
    assert f"Size of the pooled effect</dt><dd>A {band} effect (Hedges' g;" in text


def test_a_risk_ratio_is_not_put_in_those_bands(client, db):
    data = {"measure": "RR", "method": "REML", "csv_text": bcg_csv()}
    assert "Size of the pooled effect" not in client.post(URL, data).text

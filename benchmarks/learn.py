"""Learn pages: what the per-process content cache and the rendered-page cache save.

Run on demand (never as a timed test)::

    .venv/bin/python benchmarks/learn.py [--repeat 20] [--content FOLDER]

It builds a throwaway SQLite evidence database in a temporary folder (``migrate`` and
``load-evidence``), then times, each as the median of ``--repeat`` runs:

* reading the content folder cold (the process cache emptied) and warm (unchanged files: one
  ``stat`` per file),
* rendering a page cold (Django's cache emptied: Markdown, nh3 and a citeproc run) and warm,
* the whole page through Django's test client, warm, beside ``/healthz``,

and prints each time in milliseconds with its ratio to the warm figure (or to ``/healthz``).
The content is ``msrelief/learn/content/`` unless ``--content`` names another folder (the
tests' fixture pages, ``msrelief/learn/tests/fixtures/content``, when the real ones are absent).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "msrelief" / "learn" / "tests" / "fixtures" / "content"


def median_ms(action: Callable[[], object], repeat: int, before: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        before()
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--content", type=Path, default=None)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.update(MSRELIEF_DATA_DIR=folder, DJANGO_SETTINGS_MODULE="msrelief.settings")
        os.environ.pop("DATABASE_URL", None)
        sys.path.insert(0, str(ROOT))
        run(options.repeat, options.content)


def run(repeat: int, chosen: Path | None) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from msrelief.learn import content as learn_content
    from msrelief.learn.render import render_page

    call_command("migrate", verbosity=0)
    call_command("load_evidence", stdout=io.StringIO())
    folder = chosen or (
        learn_content.CONTENT_DIR if learn_content.CONTENT_DIR.is_dir() else FIXTURES
    )
    settings.LEARN_CONTENT_DIR = folder
    loaded = learn_content.load_content(folder)
    page = loaded.pages[0]
    print(f"content: {folder} ({len(loaded.pages)} pages); page timed: {page.slug}")

    def nothing() -> None:
        return None

    rows = []
    cold = median_ms(lambda: learn_content.load_content(folder), repeat,
                     learn_content._load_cached.cache_clear)  # fmt: skip
    warm = median_ms(lambda: learn_content.load_content(folder), repeat, nothing)
    rows += [("read content, cold", cold, cold / warm), ("read content, warm", warm, 1.0)]
    cold = median_ms(lambda: render_page(page, loaded, "harvard"), repeat, cache.clear)
    warm = median_ms(lambda: render_page(page, loaded, "harvard"), repeat, nothing)
    rows += [("render page, cold", cold, cold / warm), ("render page, warm", warm, 1.0)]
    client = Client(HTTP_HOST="localhost")
    url = f"/learn/{page.slug}/"
    client.get(url)
    healthz = median_ms(lambda: client.get("/healthz"), repeat, nothing)
    whole = median_ms(lambda: client.get(url), repeat, nothing)
    rows += [("/healthz", healthz, 1.0), (f"GET {url}, warm", whole, whole / healthz)]
    print(f"{'what':<32}{'ms':>10}{'ratio':>10}")
    for name, ms, ratio in rows:
        print(f"{name:<32}{ms:>10.2f}{ratio:>10.1f}")
    print("ratio: a cold figure over its warm one; the page over /healthz in the same process.")


if __name__ == "__main__":
    main()

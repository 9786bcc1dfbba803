"""Time the main reading pages in-process and print median and 95th percentile.

Run against a database with the demo loaded:

    .venv/bin/python manage.py benchmark --runs 200

Numbers go in docs/benchmarks.md. The tests pin query counts, not timings.
"""

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import override_settings

PAGES = [
    ("home", "/"),
    ("bite", "/knowledge-bites/social-workers-social-media/"),
    ("standard", "/standards/hcpc-2008/standard-2/"),
    ("standards index", "/standards/"),
    ("quiz page", "/knowledge-bites/social-workers-social-media/check-your-understanding/"),
    ("search", "/search/?q=confidentiality"),
    ("accessibility (bare template view)", "/accessibility/"),
]


class Command(BaseCommand):
    help = "Time the main reading pages (median and p95, in ms) and count their queries."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=100)

    def handle(self, *args, runs, **options):
        hosts = [*settings.ALLOWED_HOSTS, "testserver"]
        with override_settings(ALLOWED_HOSTS=hosts, DEBUG=True):
            client = Client()
            self.stdout.write(f"{'page':38} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
            for name, url in PAGES:
                assert client.get(url).status_code == 200, url  # warm caches
                timings = []
                for _ in range(runs):
                    reset_queries()
                    start = time.perf_counter()
                    client.get(url)
                    timings.append((time.perf_counter() - start) * 1000)
                queries = len(connection.queries)
                p95 = statistics.quantiles(timings, n=20)[-1]
                self.stdout.write(
                    f"{name:38} {statistics.median(timings):10.1f} {p95:8.1f} {queries:8d}"
                )

"""Time the PDF of 100 records and the CSV of 10,000, and show the CSV's memory stays flat.

    .venv/bin/python manage.py benchmark_exports

It writes a throwaway learner and records inside a transaction it rolls back, and
deletes the files it made. Every run renders from scratch: nothing is cached between runs.
Numbers go in docs/benchmarks.md, with the load average it prints (other processes on the
machine change the timings a lot).
"""

import datetime as dt
import logging
import os
import re
import statistics
import time
import tracemalloc
import zlib
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.api import User, registration_update
from core.prepared_files.services import prepared_file_render
from reflections.exports.files import CPD_EXPORTS
from reflections.models import ActivityType, Export, Record, RecordStatus

STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
PAGE_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)")

PARAGRAPH = (
    "I read the guidance on professional boundaries online and discussed it in supervision; "
    "it changed how I reply to messages from people I support & their families. "
) * 3


class Command(BaseCommand):
    help = "Time export rendering: PDF of 100 records, CSV of 10,000 (with peak memory)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, runs, **options):
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # a line per page
        self.stdout.write("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        with transaction.atomic():
            owner = User.objects.create_user(email="benchmark-exports@example.invalid")
            registration_update(
                user=owner,
                regulator="swe",
                profession="social_worker",
                registration_number="B1",
                renewal_date=None,
            )
            Record.objects.bulk_create(
                Record(
                    owner=owner,
                    title=f"Activity {n}: boundaries and social media",
                    activity_type=ActivityType.READING,
                    start_date=dt.date(2020, 1, 1) + dt.timedelta(days=n % 2000),
                    hours=Decimal("1.5"),
                    description=PARAGRAPH,
                    learning=PARAGRAPH,
                    impact=PARAGRAPH,
                    peer_name="A colleague" if n % 3 == 0 else "",
                    peer_learning=PARAGRAPH if n % 3 == 0 else "",
                    status=RecordStatus.COMPLETE,
                )
                for n in range(10_000)
            )
            ids = list(Record.objects.filter(owner=owner).values_list("id", flat=True))
            try:
                self.report("PDF, 100 records (swe)", owner, "pdf", ids[:100], runs)
                self.report("CSV, 10,000 records (swe)", owner, "csv", [], runs)
                for layout, count in (("swe", 2_000), ("swe", 10_000), ("full", 10_000)):
                    peak = self.peak_memory(owner, ids[:count], layout)
                    self.stdout.write(
                        f"CSV ({layout}), {count:,} records: peak Python memory {peak:.1f} MiB"
                    )
                self.stdout.write(
                    "load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
                )
            finally:
                for export in Export.objects.filter(owner=owner):
                    export.file.delete(save=False)
                transaction.set_rollback(True)

    def render(self, owner, export_format, record_ids, layout="swe"):
        export = Export.objects.create(
            owner=owner,
            format=export_format,
            layout=layout,
            record_ids=record_ids,
            expires_at=timezone.now() + CPD_EXPORTS.lifetime,
        )
        start = time.perf_counter()
        export = prepared_file_render(kind=CPD_EXPORTS, file_id=export.id)
        seconds = time.perf_counter() - start
        pages = None
        if export_format == "pdf":
            with export.file.open("rb") as file:
                pages = pdf_page_count(file.read())
        return seconds, export.file.size, pages

    def report(self, name, owner, export_format, record_ids, runs):
        results = [self.render(owner, export_format, record_ids) for _ in range(runs)]
        timings = [seconds for seconds, _, _ in results]
        _, size, pages = results[0]
        self.stdout.write(
            f"{name:28} median {statistics.median(timings):6.2f} s  "
            f"max {max(timings):6.2f} s  file {size / 1024:,.0f} KiB"
            + (f"  {pages} pages" if pages else "")
        )

    def peak_memory(self, owner, record_ids, layout):
        tracemalloc.start()
        try:
            self.render(owner, "csv", record_ids, layout)
            return tracemalloc.get_traced_memory()[1] / 2**20
        finally:
            tracemalloc.stop()


def pdf_page_count(data: bytes):
    """Return the page count from the PDF's page tree (inside a compressed object stream),
    or None when it cannot be found."""
    for match in STREAM.finditer(data):
        try:
            stream = zlib.decompress(match.group(1))
        except zlib.error:
            stream = match.group(1)
        if count := PAGE_COUNT.search(stream):
            return int(count.group(1))
    return None

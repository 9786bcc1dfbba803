"""Time the training reports at real size, explain the team report's queries, watch memory.

Run against a database seeded with `manage.py seed_benchmark`:

    .venv/bin/python manage.py benchmark_reports --runs 30 --download-runs 3 [--explain]

Requests go through the Django test client in this process (no network, no gunicorn),
signed in as a benchmark team's manager and as the benchmark administrator, each with a
session marked verified by the second factor, so every page and download runs the same
view code as the live site. DEBUG is off while timing; query counts come from one more
request each. Timings in ms. The organisation's report files (prepared by a task, timed
here through the task's service in this process) and the summary refresh, which take
seconds, run --download-runs times. Numbers go in docs/benchmarks.md.

On PostgreSQL it also runs each query of the team report with EXPLAIN (ANALYZE, BUFFERS)
and flags a sequential scan of a big table (those are the ones that grow with the
organisation).
"""

import json
import logging
import os
import statistics
import time
import tracemalloc

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.api import Team, User
from core.prepared_files.services import prepared_file_render, prepared_files_delete
from training.files import REPORT_FILES
from training.models import Assignment, Completion, ModuleProgressLog, ReportFile, TeamSummary
from training.permissions import teams_managed_by
from training.selectors.reports import DOWNLOAD_BATCH, completion_trend, team_report
from training.services import team_summaries_refresh

from .seed_benchmark import EMAIL_DOMAIN, EMAIL_PREFIX, benchmark_teams

DEVICE_NAME = "Benchmark app"
MEMORY_TEAMS = 80  # about 2,000 staff at 25 a team: the smaller size for peak memory
BIG_TABLES = {
    User._meta.db_table,
    Team.members.through._meta.db_table,
    Assignment._meta.db_table,
    Assignment.learners.through._meta.db_table,
    Completion._meta.db_table,
    ModuleProgressLog._meta.db_table,
}
QUERY_NAMES = ("members", "assignments", "chosen learners", "completions", "progress logs")


def _p95(timings):
    return statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]


def _fetch(client, url):
    """Request the page and read all of it (streamed content too); return its size in bytes."""
    response = client.get(url)
    if response.status_code != 200:
        raise CommandError(f"{url} answered {response.status_code}")
    if response.streaming:
        size = sum(len(chunk) for chunk in response.streaming_content)
    else:
        size = len(response.content)
    # No response.close() here: the client has closed it (reading to the end, for a
    # streamed one), and a second close would close the database connection.
    return size


def _scans(plan):
    """Yield (node type, table, index) for every scan in a JSON plan."""
    if "Relation Name" in plan or "Index Name" in plan:
        yield plan["Node Type"], plan.get("Relation Name", ""), plan.get("Index Name", "")
    for child in plan.get("Plans", ()):
        yield from _scans(child)


class Command(BaseCommand):
    help = "Time the training report pages and downloads at size; EXPLAIN the team report."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=30, help="runs of each page")
        parser.add_argument(
            "--download-runs", type=int, default=3, help="runs of the organisation downloads"
        )
        parser.add_argument("--explain", action="store_true", help="print the query plans")
        parser.add_argument("--skip-memory", action="store_true", help="no tracemalloc runs")

    def handle(self, *args, runs, download_runs, explain, skip_memory, **options):
        team = benchmark_teams().order_by("name").first()
        admin = User.objects.filter(email=f"{EMAIL_PREFIX}admin{EMAIL_DOMAIN}").first()
        if team is None or admin is None:
            raise CommandError("No benchmark organisation: run manage.py seed_benchmark first.")
        manager = team.managers.get()
        logging.getLogger("axes").setLevel(logging.WARNING)  # a line per sign-in
        self.devices = []
        self.describe(team)
        hosts = [*settings.ALLOWED_HOSTS, "testserver"]
        with override_settings(ALLOWED_HOSTS=hosts, DEBUG=False):
            clients = {
                "anonymous": Client(),
                "manager": self.verified_client(manager),
                "administrator": self.verified_client(admin),
            }
            try:
                self.refresh(download_runs)
                self.pages(clients, team, runs, download_runs)
                self.files(admin, download_runs)
                if not skip_memory:
                    self.memory(admin)
            finally:
                for client in clients.values():
                    client.logout()
                TOTPDevice.objects.filter(id__in=self.devices).delete()
        if connection.vendor == "postgresql":
            self.explain("one team", [team.id], explain)
            batch = list(benchmark_teams().order_by("name").values_list("id", flat=True))
            self.explain(
                f"a batch of {DOWNLOAD_BATCH} teams (downloads, summary refresh)",
                batch[:DOWNLOAD_BATCH],
                explain,
            )
        else:
            self.stdout.write("EXPLAIN ANALYZE skipped: not PostgreSQL.")

    def describe(self, team):
        teams = benchmark_teams()
        load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
        self.stdout.write(
            f"{connection.vendor}, {os.cpu_count()} cores, load average {load}\n"
            f"organisation: {Team.members.through.objects.filter(team__in=teams).count():,} "
            f"team memberships in {teams.count():,} benchmark teams; "
            f"{Assignment.objects.count():,} assignments, {Completion.objects.count():,} "
            f"completions, {ModuleProgressLog.objects.count():,} progress logs\n"
            f"team timed: {team.name} ({team.members.count()} people)"
        )

    def verified_client(self, user):
        """Return a client signed in as the user, past the second factor (as django_otp.login)."""
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
            self.devices.append(device.id)
        client = Client()
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    def refresh(self, download_runs):
        timings = []
        for _ in range(download_runs):
            start = time.perf_counter()
            teams = team_summaries_refresh()
            timings.append(time.perf_counter() - start)
        self.stdout.write(
            f"team_summaries_refresh ({teams} teams, the beat task): median "
            f"{statistics.median(timings):.2f} s, max {max(timings):.2f} s, "
            f"{TeamSummary.objects.count()} summaries"
        )

    def pages(self, clients, team, runs, download_runs):
        report = reverse("training:team_report")
        csv_url = reverse("training:team_report_csv")
        xlsx_url = reverse("training:team_report_xlsx")
        pages = [
            ("accessibility (bare view)", "anonymous", "/accessibility/", runs),
            ("team report, one team", "manager", f"{report}?team={team.id}", runs),
            ("organisation report (summary)", "administrator", report, runs),
            ("CSV, one team", "manager", f"{csv_url}?team={team.id}", runs),
            ("XLSX, one team", "manager", f"{xlsx_url}?team={team.id}", runs),
        ]
        self.stdout.write(
            f"\n{'page':32} {'who':14} {'runs':>5} {'median ms':>10} {'p95/max ms':>11} "
            f"{'x bare':>8} {'queries':>8} {'size':>10}"
        )
        bare = None
        for name, who, url, count in pages:
            client = clients[who]
            _fetch(client, url)  # warm caches
            with CaptureQueriesContext(connection) as queries:
                size = _fetch(client, url)
            query_count = len(queries)  # now: the next request resets the log
            timings = []
            for _ in range(count):
                start = time.perf_counter()
                _fetch(client, url)
                timings.append((time.perf_counter() - start) * 1000)
            median = statistics.median(timings)
            bare = bare or median
            self.stdout.write(
                f"{name:32} {who:14} {count:5d} {median:10.1f} {_p95(timings):11.1f} "
                f"{median / bare:8.1f} {query_count:8d} {size / 1024:8.0f} KiB"
            )

    def render_file(self, user, format):
        """Prepare one report file of every team the user manages, as the task does, in
        this process; return (seconds, queries, bytes). The file and its row are deleted."""
        team_ids = [t.id for t in teams_managed_by(user)]
        report_file = ReportFile.objects.create(
            owner=user,
            format=format,
            team_ids=team_ids,
            expires_at=timezone.now() + REPORT_FILES.lifetime,
        )
        try:
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                report_file = prepared_file_render(kind=REPORT_FILES, file_id=report_file.id)
            seconds = time.perf_counter() - start
            return seconds, len(queries), report_file.file.size
        finally:
            prepared_files_delete([report_file])

    def files(self, admin, download_runs):
        """Time the organisation's report files: the task's service, no worker."""
        self.stdout.write(
            f"\nOrganisation report files ({download_runs} runs each, in-process, "
            "as the prepared_file_render task):"
        )
        for format in ("csv", "xlsx"):
            results = [self.render_file(admin, format) for _ in range(download_runs)]
            timings = [seconds for seconds, _, _ in results]
            _, queries, size = results[0]
            self.stdout.write(
                f"  {format.upper():5} median {statistics.median(timings):7.2f} s, "
                f"max {max(timings):7.2f} s, {queries} queries, {size / 2**20:6.1f} MiB"
            )

    def memory(self, admin):
        """Peak Python memory of the organisation's files at about 2,000 and all the staff."""
        self.stdout.write("\nPeak Python memory (tracemalloc) of the organisation's files:")
        with transaction.atomic():
            # A manager of the first MEMORY_TEAMS teams gets those teams through the same
            # batched file as the administrator gets them all; rolled back afterwards.
            smaller = User.objects.create(email=f"{EMAIL_PREFIX}memory{EMAIL_DOMAIN}")
            smaller.managed_teams.set(benchmark_teams().order_by("name")[:MEMORY_TEAMS])
            for user in (smaller, admin):
                teams = Team.objects.filter(managers=user) if user is smaller else Team.objects
                people = (
                    Team.members.through.objects.filter(team__in=teams.all())
                    .values("user_id")
                    .distinct()
                    .count()
                )
                for format in ("csv", "xlsx"):
                    tracemalloc.start()
                    try:
                        _, _, size = self.render_file(user, format)
                        peak = tracemalloc.get_traced_memory()[1] / 2**20
                    finally:
                        tracemalloc.stop()
                    self.stdout.write(
                        f"  {format.upper():5} {teams.count():4d} teams, {people:6,} people: "
                        f"peak {peak:6.1f} MiB, file {size / 2**20:6.1f} MiB"
                    )
            transaction.set_rollback(True)

    def explain(self, label, team_ids, print_plans):
        """Run each query of the report for these teams with EXPLAIN ANALYZE; flag big seq scans.

        The SQL and its parameters are captured as sent (an execute wrapper, which also
        times each round trip from here), then run again with EXPLAIN in front.
        """
        captured = []

        def capture(execute, sql, params, many, context):
            start = time.perf_counter()
            result = execute(sql, params, many, context)
            captured.append((sql, params, time.perf_counter() - start))
            return result

        team_report(team_ids=team_ids)  # warm the cache
        round_trips = []
        for _ in range(10):
            captured.clear()
            with connection.execute_wrapper(capture):
                team_report(team_ids=team_ids)
            round_trips.append(sum(seconds for *_q, seconds in captured) * 1000)
        if len(captured) != len(QUERY_NAMES):
            self.stdout.write(self.style.WARNING(f"team_report took {len(captured)} queries"))
        queries = [
            (name, sql, params)
            for name, (sql, params, _s) in zip(QUERY_NAMES, captured, strict=False)
        ]
        captured.clear()
        with connection.execute_wrapper(capture):
            completion_trend(team_ids=team_ids)
        queries += [("trend (page only)", sql, params) for sql, params, _s in captured]
        self.stdout.write(
            f"\nteam_report, {label}: its {len(QUERY_NAMES)} queries timed from here (round "
            f"trips and reading the rows, 10 runs): median {statistics.median(round_trips):.2f}"
            f" ms, p95 {_p95(round_trips):.2f} ms"
        )
        self.stdout.write(
            f"{'query':20} {'exec ms':>8} {'plan ms':>8} {'rows':>6}  scans (index, or SEQ SCAN)"
        )
        execution_total = planning_total = 0.0
        big_seq_scans = []
        with connection.cursor() as cursor:
            for name, sql, params in queries:
                results = []
                for _ in range(5):
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}", params)
                    document = cursor.fetchone()[0]
                    results.append(
                        json.loads(document)[0] if isinstance(document, str) else document[0]
                    )
                execution = statistics.median(r["Execution Time"] for r in results)
                planning = statistics.median(r["Planning Time"] for r in results)
                plan = results[-1]["Plan"]
                if name in QUERY_NAMES:
                    execution_total += execution
                    planning_total += planning
                scans = []
                for node, table, index in _scans(plan):
                    if node == "Seq Scan" and table in BIG_TABLES:
                        big_seq_scans.append((name, table))
                    scans.append(f"{table}: {index or node.upper()}")
                self.stdout.write(
                    f"{name:20} {execution:8.2f} {planning:8.2f} {plan['Actual Rows']:6d}  "
                    + "; ".join(dict.fromkeys(scans))
                )
                if print_plans:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
                    self.stdout.write("\n".join(row[0] for row in cursor.fetchall()) + "\n")
        self.stdout.write(
            f"The report's {len(QUERY_NAMES)} queries in PostgreSQL (EXPLAIN ANALYZE, median "
            f"of 5): execution {execution_total:.2f} ms, planning {planning_total:.2f} ms"
        )
        if big_seq_scans:
            self.stdout.write(
                self.style.WARNING(
                    "Sequential scans of big tables: "
                    + ", ".join(f"{name} on {table}" for name, table in big_seq_scans)
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS("No sequential scan of a big table."))

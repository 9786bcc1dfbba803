"""manage.py seed_benchmark: a realistic organisation to time the training reports at size.

    .venv/bin/python manage.py seed_benchmark --staff 10000 --modules 50

Teams of about 25 practitioners, each with its own manager; live training modules under
the Training index; most modules assigned to every team, with due dates from 60 days ago
to 90 days ahead, and one more module to a few chosen people of each team; then, for every
assigned (person, module), a status drawn from a fixed mix: completed, completed 11-12
months ago so it expires soon, expired, in progress, not started (overdue follows from
the past due dates). Deterministic: the same arguments make the same organisation.

Everything it makes is marked so `--clear` can remove it: emails bench-...@example.invalid,
team names starting "Benchmark team", module slugs starting "benchmark-". Never run it
with production settings. Numbers go in docs/benchmarks.md.
"""

import contextlib
import datetime as dt
import logging
import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from accounts.api import Team, User
from learning import api as learning_api
from training.models import (
    Assignment,
    Completion,
    ModuleProgressLog,
    TrainingIndexPage,
    TrainingModulePage,
)
from training.rules import add_months

EMAIL_PREFIX, EMAIL_DOMAIN = "bench-", "@example.invalid"
TEAM_PREFIX = "Benchmark team"
SLUG_PREFIX = "benchmark-"
TEAM_SIZE = 25
ASSIGNED_SHARE = 0.8  # of the modules, assigned to everyone in each team
CHOSEN_SHARE = 0.2  # of a team, given one more module as chosen learners
PUBLISHED_MODULES = 5  # with a revision; the rest are saved live directly (much faster)
BATCH = 5000
REFRESHERS = (12, 12, None, 12, 24)  # months, cycled over the modules
# How the (person, module) cells are spread; "expires_soon" and "expired" need a refresher
# and fall back to "completed" on modules without one.
STATUS_MIX = (
    ("completed", 0.42),
    ("expires_soon", 0.08),
    ("expired", 0.06),
    ("in_progress", 0.14),
    ("not_started", 0.30),
)
HISTORY_SHARE = 0.3  # of current completions with a refresher: an earlier, expired one too
TOPICS = (
    "Safeguarding adults",
    "Safeguarding children",
    "Mental Capacity Act",
    "Deprivation of Liberty Safeguards",
    "Information governance",
    "Moving and handling",
    "Medication awareness",
    "Equality, diversity and inclusion",
    "Professional boundaries",
    "Record keeping",
    "Infection prevention",
    "Fire safety",
    "Lone working",
    "Positive behaviour support",
    "Dementia awareness",
)
SERVICES = (
    "Adult social care",
    "Children's services",
    "Mental health",
    "Learning disability",
    "Hospital discharge",
    "Fostering and adoption",
    "Reablement",
    "Youth justice",
)
AREAS = ("North", "South", "East", "West", "Central")
# fmt: off
FIRST_NAMES = (
    "Asha", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hamza", "Isla", "Jack", "Kiran",
    "Leah", "Mohammed", "Niamh", "Oliver", "Priya", "Quinn", "Rhys", "Sophie", "Tomasz", "Uma",
    "Victor", "Wen", "Yasmin", "Zara", "Aled", "Bronwen", "Ciaran", "Dafydd", "Eilidh",
    "Fatima", "Gareth", "Hannah", "Imran", "Joy", "Kwame", "Lowri", "Maya", "Nathan", "Olu",
)
LAST_NAMES = (
    "Patel", "Murphy", "Okafor", "Jones", "Smith", "Williams", "Brown", "Taylor", "Davies",
    "Evans", "Thomas", "Roberts", "Khan", "Ahmed", "Singh", "Walker", "Wright", "Robinson",
    "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Lewis",
    "Martin", "Jackson", "Clarke", "Kowalski", "Nowak", "O'Neill", "McLaughlin", "Campbell",
    "Stewart", "Morgan", "Price", "Begum", "Mensah",
)
# fmt: on


def benchmark_users():
    return User.objects.filter(email__startswith=EMAIL_PREFIX, email__endswith=EMAIL_DOMAIN)


def benchmark_teams():
    return Team.objects.filter(name__startswith=TEAM_PREFIX)


def benchmark_modules():
    return TrainingModulePage.objects.filter(slug__startswith=SLUG_PREFIX)


@contextlib.contextmanager
def dates_as_given(*fields):
    """Let bulk_create keep the dates set on the rows: the seed writes history, not now."""
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


class Command(BaseCommand):
    help = (
        "Seed a benchmark organisation: teams of about 25 with managers, live training "
        "modules, assignments and a realistic mix of statuses. --clear removes it first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--staff", type=int, default=10_000, help="practitioners")
        parser.add_argument("--modules", type=int, default=50, help="live training modules")
        parser.add_argument("--clear", action="store_true", help="delete earlier benchmark data")

    def handle(self, *args, staff, modules, clear, **options):
        if (settings.SETTINGS_MODULE or "").endswith(".production"):
            raise CommandError(
                "seed_benchmark writes thousands of made-up people, so it refuses to run "
                "with production settings. Use config.settings.dev."
            )
        if staff < 1 or modules < 1:
            raise CommandError("--staff and --modules must be at least 1.")
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # a line per page created
        started = time.perf_counter()
        if clear:
            self.clear()
        elif benchmark_users().exists() or benchmark_modules().exists():
            raise CommandError("Benchmark data is already there: add --clear to replace it.")
        self.rng = random.Random(42)
        self.today = timezone.localdate()
        self.now = timezone.now()
        with transaction.atomic():
            pages = self.timed("modules", self.seed_modules, modules)
            teams = self.timed("people and teams", self.seed_people, staff)
            self.timed("assignments and progress", self.seed_training, teams, pages)
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would keep them in production.
            self.timed("analyze", self.analyze)
        self.stdout.write(
            self.style.SUCCESS(f"Seeded in {time.perf_counter() - started:.1f} s: ")
            + ", ".join(f"{n:,} {what}" for what, n in self.counts().items())
        )

    def timed(self, what, step, *args):
        start = time.perf_counter()
        result = step(*args)
        self.stdout.write(f"  {what}: {time.perf_counter() - start:.1f} s")
        return result

    def clear(self):
        start = time.perf_counter()
        users, teams, modules = benchmark_users(), benchmark_teams(), benchmark_modules()
        with transaction.atomic():
            # The big tables first, by their indexed columns: deleting the users alone would
            # make the collector walk every row.
            for model in (Completion, ModuleProgressLog):
                model.objects.filter(Q(user__in=users) | Q(module__in=modules)).delete()
            Assignment.learners.through.objects.filter(assignment__team__in=teams).delete()
            Assignment.objects.filter(Q(team__in=teams) | Q(module__in=modules)).delete()
            Team.members.through.objects.filter(Q(team__in=teams) | Q(user__in=users)).delete()
            Team.managers.through.objects.filter(Q(team__in=teams) | Q(user__in=users)).delete()
            teams.delete()
            users.delete()
            for page in modules:
                page.delete()
        self.stdout.write(f"  cleared earlier benchmark data: {time.perf_counter() - start:.1f} s")

    def seed_modules(self, count):
        """Create `count` live modules under the Training index; return them with their steps."""
        index = TrainingIndexPage.objects.first()
        if index is None:
            home = learning_api.home_page()
            if home is None:
                raise CommandError("No home page: run manage.py load_demo first.")
            index = home.add_child(instance=TrainingIndexPage(title="Training", slug="training"))
            index.save_revision().publish()
        bites = learning_api.live_bite_ids()
        pages = []
        for n in range(count):
            topic = TOPICS[n % len(TOPICS)]
            steps = [{"type": "bite", "value": bites[n % len(bites)]}] if bites else []
            steps.append(
                {"type": "reflection", "value": {"prompt": f"Reflect on {topic.lower()}."}}
            )
            page = TrainingModulePage(
                title=f"Benchmark module {n + 1:02d}: {topic}",
                slug=f"{SLUG_PREFIX}module-{n + 1:02d}",
                summary=f"Read about {topic.lower()} and record a reflection.",
                estimated_minutes=30 + 15 * (n % 4),
                refresher_months=REFRESHERS[n % len(REFRESHERS)],
                steps=steps,
            )
            if n < PUBLISHED_MODULES:
                index.add_child(instance=page)
                revision = page.save_revision()
                revision.publish()
                page.live_revision_id = revision.id
            else:
                page.live, page.has_unpublished_changes = True, False
                page.first_published_at = page.last_published_at = self.now
                index.add_child(instance=page)
            page.step_count = len(steps)
            pages.append(page)
        return pages

    def seed_people(self, staff):
        """Create the practitioners, their teams and a manager for each; return the teams.

        Each team is returned as (team id, manager id, [member ids]).
        """
        rng = self.rng
        stand_in = User(email="stand-in@example.invalid")
        stand_in.set_unusable_password()  # hashed once, copied to everyone
        team_count = max(1, round(staff / TEAM_SIZE))
        sizes = [staff // team_count + (n < staff % team_count) for n in range(team_count)]

        def person(email, *, admin=False):
            return User(
                email=email,
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                password=stand_in.password,
                is_staff=admin,
                is_superuser=admin,
            )

        people = [person(f"{EMAIL_PREFIX}{n:05d}{EMAIL_DOMAIN}") for n in range(1, staff + 1)]
        people += [
            person(f"{EMAIL_PREFIX}manager-{n:03d}{EMAIL_DOMAIN}") for n in range(1, team_count + 1)
        ]
        # The organisation's administrator: sees every team (the organisation-wide report).
        people.append(person(f"{EMAIL_PREFIX}admin{EMAIL_DOMAIN}", admin=True))
        User.objects.bulk_create(people, batch_size=BATCH)
        ids = dict(benchmark_users().values_list("email", "id"))
        Team.objects.bulk_create(
            Team(
                name=f"{TEAM_PREFIX} {n:03d}: {SERVICES[n % len(SERVICES)]}, "
                f"{AREAS[n % len(AREAS)]}"
            )
            for n in range(1, team_count + 1)
        )
        team_ids = list(benchmark_teams().order_by("name").values_list("id", flat=True))
        teams, members, managers, next_person = [], [], [], 1
        for n, (team_id, size) in enumerate(zip(team_ids, sizes, strict=True), start=1):
            member_ids = [
                ids[f"{EMAIL_PREFIX}{p:05d}{EMAIL_DOMAIN}"]
                for p in range(next_person, next_person + size)
            ]
            next_person += size
            manager_id = ids[f"{EMAIL_PREFIX}manager-{n:03d}{EMAIL_DOMAIN}"]
            members += [Team.members.through(team_id=team_id, user_id=u) for u in member_ids]
            managers.append(Team.managers.through(team_id=team_id, user_id=manager_id))
            teams.append((team_id, manager_id, member_ids))
        Team.members.through.objects.bulk_create(members, batch_size=BATCH)
        Team.managers.through.objects.bulk_create(managers, batch_size=BATCH)
        return teams

    def seed_training(self, teams, pages):
        """Assign modules to each team and write everyone's completions and progress."""
        rng = self.rng
        assigned_count = min(len(pages), max(1, round(len(pages) * ASSIGNED_SHARE)))
        kinds, weights = zip(*STATUS_MIX, strict=True)
        completions, logs, chosen_rows = [], [], []
        history_fields = [
            ModuleProgressLog._meta.get_field("updated_at"),
            Assignment._meta.get_field("created_at"),
            Assignment._meta.get_field("updated_at"),
        ]
        with dates_as_given(*history_fields):
            for team_id, manager_id, member_ids in teams:
                chosen_pages = rng.sample(pages, len(pages))
                everyone, rest = chosen_pages[:assigned_count], chosen_pages[assigned_count:]
                assignments = [
                    self.assignment(team_id, manager_id, page, everyone=True) for page in everyone
                ]
                cells = [(page, member_ids) for page in everyone]
                if rest:
                    chosen = rng.sample(member_ids, max(1, round(len(member_ids) * CHOSEN_SHARE)))
                    assignments.append(
                        self.assignment(team_id, manager_id, rest[0], everyone=False)
                    )
                    cells.append((rest[0], chosen))
                Assignment.objects.bulk_create(assignments)
                if rest:
                    chosen_rows += [
                        Assignment.learners.through(assignment_id=assignments[-1].id, user_id=u)
                        for u in chosen
                    ]
                for page, learner_ids in cells:
                    for user_id in learner_ids:
                        kind = rng.choices(kinds, weights)[0]
                        self.cell(user_id, page, kind, completions, logs)
                if len(completions) >= BATCH:
                    Completion.objects.bulk_create(completions, batch_size=BATCH)
                    completions.clear()
                if len(logs) >= BATCH:
                    ModuleProgressLog.objects.bulk_create(logs, batch_size=BATCH)
                    logs.clear()
            Completion.objects.bulk_create(completions, batch_size=BATCH)
            ModuleProgressLog.objects.bulk_create(logs, batch_size=BATCH)
        Assignment.learners.through.objects.bulk_create(chosen_rows, batch_size=BATCH)

    def assignment(self, team_id, manager_id, page, *, everyone):
        due = self.today + dt.timedelta(days=self.rng.randint(-60, 90))
        created = timezone.make_aware(
            dt.datetime.combine(due - dt.timedelta(days=self.rng.randint(30, 90)), dt.time(9))
        )
        return Assignment(
            module_id=page.id,
            module_title=page.title,
            team_id=team_id,
            everyone=everyone,
            due_date=due,
            assigned_by_id=manager_id,
            created_at=created,
            updated_at=created,
        )

    def at(self, day):
        """A moment during the working day on `day`."""
        when = dt.datetime.combine(day, dt.time(8)) + dt.timedelta(
            minutes=self.rng.randint(0, 9 * 60)
        )
        return timezone.make_aware(when)

    def cell(self, user_id, page, kind, completions, logs):
        """Write what one person has done on one module for the status `kind`."""
        rng, today, months = self.rng, self.today, page.refresher_months
        total = page.step_count

        def completion(day):
            completed_at = self.at(day)
            completions.append(
                Completion.of_module(
                    user_id=user_id, module=page, completed_at=completed_at, completed_on=day
                )
            )
            return completed_at

        def log(steps_done, started_at, updated_at):
            logs.append(
                ModuleProgressLog(
                    user_id=user_id,
                    module_id=page.id,
                    steps_done=steps_done,
                    steps_total=total,
                    started_at=started_at,
                    updated_at=updated_at,
                )
            )

        if kind in ("expires_soon", "expired") and not months:
            kind = "completed"
        if kind == "not_started":
            return
        if kind == "in_progress":
            started_at = self.now - dt.timedelta(days=rng.randint(1, 45))
            updated_at = started_at + (self.now - started_at) * rng.random()
            log(rng.randint(1, max(1, total - 1)), started_at, updated_at)
            return
        if kind == "completed":
            # Far enough back that it does not expire within 30 days.
            oldest = months * 30 - 35 if months else 540
            day = today - dt.timedelta(days=rng.randint(0, oldest))
        elif kind == "expires_soon":
            day = add_months(today + dt.timedelta(days=rng.randint(3, 28)), -months)
        else:  # expired: the module is due again from its expiry date
            day = add_months(today - dt.timedelta(days=rng.randint(1, 60)), -months)
        if months and kind == "completed" and rng.random() < HISTORY_SHARE:
            completion(add_months(day, -months) - dt.timedelta(days=rng.randint(0, 20)))
        completed_at = completion(day)
        started_at = completed_at - dt.timedelta(days=rng.randint(0, 14))
        if kind == "expired" and rng.random() < 0.3:  # started again since it expired
            restarted = timezone.make_aware(
                dt.datetime.combine(add_months(day, months), dt.time(8))
            )
            log(rng.randint(1, max(1, total - 1)), started_at, restarted)
        else:
            log(total, started_at, completed_at)

    def analyze(self):
        tables = [
            User._meta.db_table,
            Team._meta.db_table,
            Team.members.through._meta.db_table,
            Team.managers.through._meta.db_table,
            Assignment._meta.db_table,
            Assignment.learners.through._meta.db_table,
            Completion._meta.db_table,
            ModuleProgressLog._meta.db_table,
        ]
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")

    def counts(self):
        users, teams = benchmark_users(), benchmark_teams()
        return {
            "people (staff, managers, an administrator)": users.count(),
            "teams": teams.count(),
            "modules": benchmark_modules().count(),
            "assignments": Assignment.objects.filter(team__in=teams).count(),
            "completions": Completion.objects.filter(user__in=users).count(),
            "progress logs": ModuleProgressLog.objects.filter(user__in=users).count(),
        }

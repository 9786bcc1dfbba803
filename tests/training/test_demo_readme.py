"""The README's "Demo logins" table tells the truth about the demo, person by person.

The table names each practitioner's status on each demo module (a column per module,
headed with its title); after `load_demo` the team report must show exactly that.
"""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from accounts.models import Team
from training.selectors.reports import team_report

README = Path(__file__).resolve().parents[2] / "README.md"
NOT_IN_THE_TEAM = "—"


def demo_table(text):
    """Return the Demo logins table as a list of {header: cell} dicts, one per row."""
    section = text.split("## Demo logins", 1)[1].split("\n## ", 1)[0]
    lines = [line.strip() for line in section.splitlines() if line.strip().startswith("|")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    header, rule, *body = rows
    assert all(re.fullmatch(r"-+", cell) for cell in rule), "the table has a header rule"
    return [dict(zip(header, row, strict=True)) for row in body]


def test_the_table_parser_reads_cells_by_header():
    text = "## Demo logins\n\n| email | A |\n| --- | --- |\n| x@example.com | Overdue |\n\n## Next"
    assert demo_table(text) == [{"email": "x@example.com", "A": "Overdue"}]


@pytest.fixture(scope="module")
def demo_report(shared_db):
    """Load the demo once for this module and return its team's report, by email."""
    with shared_db.unblock():
        call_command("load_demo", stdout=StringIO())
        team = Team.objects.get(name="Children's services team A")
        report = team_report(team_ids=[team.id])
    return {
        row.email: {
            module.title: str(cell.status.label)
            for module, cell in zip(report.modules, row.cells, strict=True)
            if cell is not None
        }
        for row in report.rows
    }


@pytest.fixture(scope="module")
def table():
    return demo_table(README.read_text(encoding="utf-8"))


def test_the_table_has_a_column_for_each_demo_module(demo_report, table):
    modules = {title for statuses in demo_report.values() for title in statuses}
    assert modules == {
        "Social media and professional boundaries",
        "Using social media: the HCPC's guidance",
    }
    assert modules <= set(table[0])


def test_every_practitioner_in_the_demo_team_is_in_the_table(demo_report, table):
    assert len(demo_report) == 5
    assert set(demo_report) <= {row["email"] for row in table}


def test_each_practitioners_status_is_what_the_team_report_shows(demo_report, table):
    checked = 0
    for row in table:
        statuses = demo_report.get(row["email"])
        for title in {t for s in demo_report.values() for t in s}:
            if statuses is None:
                assert row[title] == NOT_IN_THE_TEAM, f"{row['email']} is not in the team"
                continue
            assert row[title] == statuses[title], f"{row['email']} on {title}"
            checked += 1
    assert checked == 10  # five practitioners, two modules


def test_the_demo_shows_every_status_a_manager_acts_on(demo_report):
    shown = {status for statuses in demo_report.values() for status in statuses.values()}
    assert {"Overdue", "Expires soon", "Not started", "In progress", "Completed"} <= shown

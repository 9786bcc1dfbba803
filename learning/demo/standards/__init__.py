"""The regulators and the standards frameworks the demo loads, as plain data.

Every statement is the regulator's own short wording, checked on 2026-11-23 against the
source recorded with its framework; docs/content-sources.md lists each source, what could
not be verified (and so is left out) and why each equivalence was recorded.
"""

from datetime import date

from .hcpc import HCPC_FRAMEWORKS
from .others import OTHER_FRAMEWORKS

CHECKED_ON = date(2026, 11, 23)

REGULATORS = [
    {
        "code": "hcpc",
        "name": "Health and Care Professions Council",
        "short_name": "HCPC",
        "regulates": (
            "health and care professions across the UK; social workers in England from "
            "1 August 2012 to 1 December 2019"
        ),
        "regulates_since": None,
        "previous_regulator": None,
        "website": "https://www.hcpc-uk.org",
    },
    {
        "code": "swe",
        "name": "Social Work England",
        "short_name": "Social Work England",
        "regulates": "social workers in England",
        "regulates_since": date(2019, 12, 2),
        "previous_regulator": "hcpc",
        "website": "https://www.socialworkengland.org.uk",
    },
    {
        "code": "niscc",
        "name": "Northern Ireland Social Care Council",
        "short_name": "NISCC",
        "regulates": "social workers and social care workers in Northern Ireland",
        "regulates_since": None,
        "previous_regulator": None,
        "website": "https://www.niscc.info",
    },
    {
        "code": "scw",
        "name": "Social Care Wales",
        "short_name": "Social Care Wales",
        "regulates": "social workers and social care workers in Wales",
        "regulates_since": None,
        "previous_regulator": None,
        "website": "https://socialcare.wales",
    },
]

# Each framework: its page fields and its standards as (code, statement) in document order.
# "label" names a whole-number standard in page titles ("Standard 13: ...").
FRAMEWORKS = [*HCPC_FRAMEWORKS, *OTHER_FRAMEWORKS]

# (framework key, code) -> the standards in force now that cover the same ground.
# docs/content-sources.md gives the reason for each line.
EQUIVALENTS = {
    ("hcpc-2008", "1"): [("hcpc-2016", "1"), ("swe-2019", "1")],
    ("hcpc-2008", "2"): [("hcpc-2016", "5"), ("hcpc-2016", "5.1")],
    ("hcpc-2008", "3"): [("hcpc-2016", "9.1"), ("swe-2019", "5")],
    ("hcpc-2008", "13"): [
        ("hcpc-2016", "9"),
        ("hcpc-2016", "9.1"),
        ("swe-2019", "2.1"),
        ("swe-2019", "5.6"),
    ],
    ("hcpc-2016", "2.7"): [
        ("hcpc-2024", "2.9"),
        ("hcpc-2024", "2.10"),
        ("swe-2019", "5.6"),
        ("niscc-2015", "5.9"),
    ],
    ("hcpc-2016", "9.1"): [("swe-2019", "5")],
    ("swe-2019", "5.6"): [("niscc-2015", "5.9")],
    ("niscc-2015", "5.9"): [("swe-2019", "5.6")],
}


def standard_slug(code):
    """Return the page slug for a standard code: "13" -> "standard-13", "5.6" -> "5-6"."""
    return f"standard-{code}" if code.isdigit() else code.replace(".", "-")


def standard_title(code, statement, label="Standard", limit=90):
    """Return a page title that starts with the code and stays readable in lists."""
    prefix = f"{label} {code}: " if code.isdigit() else f"{code} "
    text = statement.rstrip(".")
    if len(prefix) + len(text) > limit:
        text = text[: limit - len(prefix) - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return prefix + text

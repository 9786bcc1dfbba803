"""Demo reflective records, so a demo practitioner's "My CPD" has something in it."""

import datetime
from decimal import Decimal

from .models import ActivityType, Record, RecordStatus

DEMO_RECORDS = [
    {
        "title": "Social media and professional boundaries",
        "activity_type": ActivityType.E_LEARNING,
        "start_date": datetime.date(2026, 3, 10),
        "hours": Decimal("1.5"),
        "reflective_model": "driscoll",
        "description": "I read the knowledge bite on social workers and social media and took its quiz.",
        "learning": "Friend requests from people I used to work with are still a boundary issue, "
        "and my privacy settings can change without my noticing.",
        "impact": "I checked my privacy settings and set a monthly reminder to check them again. "
        "I now decline requests from people I have supported and tell my manager.",
        "peer_name": "A colleague in my team",
        "peer_role": "Senior social worker",
        "peer_date": datetime.date(2026, 3, 17),
        "peer_learning": "We agreed a short, kind reply to use when someone I supported contacts me online.",
        "status": RecordStatus.COMPLETE,
    },
    {
        "title": "Group supervision: recording and confidentiality",
        "activity_type": ActivityType.SUPERVISION,
        "start_date": datetime.date(2026, 6, 4),
        "hours": Decimal("2"),
        "reflective_model": "free",
        "description": "Group supervision on writing records that respect confidentiality.",
        "learning": "Anonymised details can still identify someone in a small community.",
        "impact": "I now leave out places and dates that are not needed in reflective writing.",
        "status": RecordStatus.COMPLETE,
    },
]


def demo_records_load(*, owner) -> int:
    """Give the demo practitioner two complete records, once. Return how many were added."""
    if Record.objects.filter(owner=owner).exists():
        return 0
    Record.objects.bulk_create(Record(owner=owner, **values) for values in DEMO_RECORDS)
    return len(DEMO_RECORDS)

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from reflections.models import EXPORT_LIFETIME_DAYS, ActivityType, Export, Record, RecordStatus
from tests.accounts.factories import UserFactory


class RecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Record

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Record {n}")
    activity_type = ActivityType.READING
    start_date = factory.LazyFunction(lambda: datetime.date(2026, 3, 2))
    hours = Decimal("1.5")
    description = "I read the social media bite."
    learning = "Privacy settings change without notice."
    impact = "I check my settings every month."


class CompleteRecordFactory(RecordFactory):
    status = RecordStatus.COMPLETE


class ExportFactory(factory.django.DjangoModelFactory):
    """A CPD export asked for now: waiting, until its task (or a test) prepares it."""

    class Meta:
        model = Export

    owner = factory.SubFactory(UserFactory)
    format = "csv"
    layout = "swe"
    expires_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=EXPORT_LIFETIME_DAYS)
    )

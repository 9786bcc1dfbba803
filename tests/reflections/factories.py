import datetime
from decimal import Decimal

import factory

from reflections.models import ActivityType, Record, RecordStatus
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

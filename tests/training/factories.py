"""Training rows for tests that need them without the services' checks."""

import factory
from django.utils import timezone

from tests.accounts.factories import UserFactory
from training.models import ReportFile
from training.models.files import REPORT_FILE_LIFETIME


class ReportFileFactory(factory.django.DjangoModelFactory):
    """A report file asked for now: waiting, until its task (or a test) prepares it."""

    class Meta:
        model = ReportFile

    owner = factory.SubFactory(UserFactory)
    format = "csv"
    team_ids = factory.LazyFunction(list)
    expires_at = factory.LazyFunction(lambda: timezone.now() + REPORT_FILE_LIFETIME)

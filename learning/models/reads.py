"""Learner data beside the content: which knowledge bites a learner has read.

Written only through `learning.services`.
"""

from django.conf import settings
from django.db import models

from .pages import KnowledgeBitePage


class BiteRead(models.Model):
    """A learner has read a knowledge bite: recorded once, with first and last dates."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bite_reads"
    )
    bite = models.ForeignKey(KnowledgeBitePage, on_delete=models.CASCADE, related_name="reads")
    first_read_at = models.DateTimeField()
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "bite"], name="one_read_per_learner_and_bite")
        ]

    def __str__(self):
        return f"{self.user} read {self.bite_id}"

"""Keep training progress up to date when a learner finishes a step in another app."""

from django.dispatch import receiver

from quizzes.signals import attempt_submitted
from reflections.signals import record_completed

from .services import training_progress_sync


@receiver(attempt_submitted, dispatch_uid="learning.progress_on_quiz_submitted")
def progress_on_quiz_submitted(sender, *, user_id, quiz_id, **kwargs):
    training_progress_sync(user_id=user_id)


@receiver(record_completed, dispatch_uid="learning.progress_on_record_completed")
def progress_on_record_completed(sender, *, owner_id, module_id, **kwargs):
    if module_id is not None:
        training_progress_sync(user_id=owner_id)

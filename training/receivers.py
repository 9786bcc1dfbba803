"""Keep training progress up to date when a learner finishes a step in another app.

Each signal is sent after the other app's transaction commits and carries ids only.
"""

from django.dispatch import receiver

from learning.api import bite_read
from quizzes.api import attempt_submitted
from reflections.api import record_completed

from .services import training_progress_sync


@receiver(bite_read, dispatch_uid="training.progress_on_bite_read")
def progress_on_bite_read(sender, *, user_id, bite_id, **kwargs):
    training_progress_sync(user_id=user_id)


@receiver(attempt_submitted, dispatch_uid="training.progress_on_quiz_submitted")
def progress_on_quiz_submitted(sender, *, user_id, quiz_id, **kwargs):
    training_progress_sync(user_id=user_id)


@receiver(record_completed, dispatch_uid="training.progress_on_record_completed")
def progress_on_record_completed(sender, *, owner_id, module_id, **kwargs):
    # Every record may count: one started from a module's bite or quiz counts for the
    # module's reflection step as much as one started from the module (module_id None).
    training_progress_sync(user_id=owner_id)

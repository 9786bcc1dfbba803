"""What quizzes tell other apps happened. Sent after the transaction commits."""

from django.dispatch import Signal

# A learner submitted an attempt. Arguments: user_id, quiz_id.
attempt_submitted = Signal()

"""What learning tells other apps happened. Sent after the transaction commits."""

from django.dispatch import Signal

# A learner marked a knowledge bite as read. Arguments: user_id, bite_id.
bite_read = Signal()

"""What reflections tell other apps happened. Sent after the transaction commits.

Only ids travel: never a record's text.
"""

from django.dispatch import Signal

# A learner completed a record. Arguments: owner_id, module_id (None if not from a module).
record_completed = Signal()

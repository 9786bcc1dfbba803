"""Telling a higher app what happened, once the transaction that did it has committed."""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def send_on_commit(signal, *, sender, **kwargs) -> None:
    """Send `signal` with these ids once the current transaction commits.

    What happened is already saved, so a receiver that fails must not turn the learner's
    request into an error page: each receiver's exception is logged instead, and the
    receivers that follow still run. (Training recomputes progress from scratch on the
    learner's next step, so a missed update mends itself.)
    """

    def send():
        for receiver, result in signal.send_robust(sender=sender, **kwargs):
            if isinstance(result, Exception):
                logger.error(
                    "%s failed on %s from %s",
                    getattr(receiver, "__qualname__", receiver),
                    kwargs,
                    sender.__name__,
                    exc_info=(type(result), result, result.__traceback__),
                )

    transaction.on_commit(send)

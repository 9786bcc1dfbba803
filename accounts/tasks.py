"""Background work for accounts. Tasks take ids and call services."""

from smtplib import SMTPException

from celery import shared_task

from .services import password_reset_email_send


@shared_task(
    bind=True,
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=5,
)
def send_password_reset_email(self, *, user_id: int, domain: str, use_https: bool) -> bool:
    return password_reset_email_send(user_id=user_id, domain=domain, use_https=use_https)

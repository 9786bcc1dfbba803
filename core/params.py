"""Reading values a person (or a tampered link) put in a query string or form."""


def int_or_none(value) -> int | None:
    """Return the value as an int, or None when it is missing or not a number."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None

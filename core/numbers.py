"""Numbers as a person writes them: "4.3 out of 8", "0.5 hours", never "4.30" or "0.50"."""

from decimal import ROUND_HALF_UP, Decimal


def format_number(value, places: int = 2) -> str:
    """Return a score as a person writes it: at most `places` decimals, no trailing zeros.

    4.30 gives "4.3", 8.0 gives "8", 0.666667 gives "0.67", -1.5 gives "-1.5". Halves
    round away from zero (0.125 gives "0.13"). None gives "". Accepts floats, Decimals,
    ints and numeric strings.
    """
    if value is None or value == "":
        return ""
    step = Decimal(1).scaleb(-places)
    rounded = Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text

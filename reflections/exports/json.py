"""Write a layout as JSON: the learner, the dates, the records keyed by column, and the
layout's profile sections."""

import datetime as dt
import io
import json
from decimal import Decimal


def _default(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if hasattr(value, "id") and hasattr(value, "title"):  # a record in a profile section
        return value.id
    return str(value)


def document(*, layout, records, profile, learner, date_from, date_to) -> dict:
    return {
        "layout": layout.code,
        "layout_name": str(layout.name),
        "learner": learner,
        "date_from": date_from,
        "date_to": date_to,
        "records": [
            {"id": record.id, **{column.key: column.get(record) for column in layout.columns}}
            for record in records
        ],
        **profile,
    }


def write_json(stream, **parts) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8")
    json.dump(document(**parts), text, default=_default, ensure_ascii=False, indent=2)
    text.flush()
    text.detach()

"""What one use of prepared files declares, and the registry the task reads it from."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from django.utils.functional import Promise

from .models import PreparedFile

Text = str | Promise


@dataclass(frozen=True)
class PreparedFilePages:
    """What the status page says and where its links go (URL names take the row's id)."""

    status_url: str
    download_url: str
    again_url: str  # where to ask for a new file, e.g. after a failure
    back_url: str
    back_text: Text
    waiting_title: Text
    waiting_text: Text
    ready_title: Text
    failed_title: Text
    again_text: Text
    gone_title: Text
    gone_text: Text
    download_text: Callable[[Any], str]  # the download link, given the row
    kept_text: Callable[[Any], str]  # who may have it and until when, given the row


@dataclass(frozen=True)
class PreparedFileKind:
    """One use: the model, how its file is written, named and served, and its pages.

    `write(row, stream)` writes the file's bytes; it may run more than once (a retried
    or redelivered task), so it must only read. `still_allowed(user, row)` is asked on
    top of ownership before every status page and download.
    """

    name: str
    model: type[PreparedFile]
    lifetime: dt.timedelta
    write: Callable[[Any, IO[bytes]], None]
    file_stem: Callable[[Any], str]
    pages: PreparedFilePages
    content_type: Callable[[Any], str | None] = lambda row: None
    still_allowed: Callable[[Any, Any], bool] = lambda user, row: True


_KINDS: dict[str, PreparedFileKind] = {}


def kind_register(kind: PreparedFileKind) -> PreparedFileKind:
    """Make the kind known to the render task by its name; return it."""
    existing = _KINDS.setdefault(kind.name, kind)
    if existing is not kind:
        raise ValueError(f"two prepared-file kinds are named {kind.name!r}")
    return kind


def kind_named(name: str) -> PreparedFileKind:
    return _KINDS[name]

"""Helpers for the export tests: read what a PDF says about itself."""

import re
import zlib

STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def pdf_streams(data: bytes):
    """Yield each stream of a PDF, inflated when it is compressed."""
    for match in STREAM.finditer(data):
        try:
            yield zlib.decompress(match.group(1))
        except zlib.error:
            yield match.group(1)


def pdf_metadata(data: bytes) -> bytes:
    """Return the PDF's XMP metadata packet, or b"" when it has none."""
    for stream in pdf_streams(data):
        if b"x:xmpmeta" in stream or b"rdf:RDF" in stream:
            return stream
    return b""

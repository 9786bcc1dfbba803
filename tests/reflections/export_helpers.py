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


OBJECT_STREAM = re.compile(
    rb"(\d+) 0 obj\s*<<(?:[^<>]|<<[^<>]*>>)*>>\s*stream\r?\n(.*?)\r?\nendstream", re.S
)
FONT = re.compile(rb"/BaseFont\s*/(\w+)\+[^>]*?/ToUnicode\s+(\d+)\s+0\s+R", re.S)
BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
HEX = re.compile(rb"<([0-9a-fA-F]+)>")
TEXT_OP = re.compile(
    rb"/(\w+) [\d.]+ Tf|([\d.-]+) ([\d.-]+) Tm|\[(.*?)\] TJ|<([0-9a-fA-F]*)> Tj", re.S
)


def _inflate(data: bytes) -> bytes:
    try:
        return zlib.decompress(data)
    except zlib.error:
        return data


def _to_unicode(cmap: bytes) -> dict[int, str]:
    """Read a ToUnicode CMap: glyph id -> text."""
    mapping = {}
    for block in BFCHAR.findall(cmap):
        codes = HEX.findall(block)
        for glyph, text in zip(codes[::2], codes[1::2], strict=False):
            mapping[int(glyph, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in BFRANGE.findall(cmap):
        codes = HEX.findall(block)
        for start, end, text in zip(codes[::3], codes[1::3], codes[2::3], strict=False):
            first = int.from_bytes(bytes.fromhex(text.decode()), "big")
            for offset, glyph in enumerate(range(int(start, 16), int(end, 16) + 1)):
                mapping[glyph] = chr(first + offset)
    return mapping


def pdf_text_lines(data: bytes) -> list[str]:
    """Return the text of a WeasyPrint PDF as the lines a reader sees, in page order.

    Enough of PDF for our own files (fonts with a ToUnicode map, text placed by Tm and
    written by TJ): a fragment placed on the same baseline as the one before continues
    its line; any other starts a new one.
    """
    streams = {int(number): _inflate(body) for number, body in OBJECT_STREAM.findall(data)}
    searched = [data, *streams.values()]
    fonts = {}
    for chunk in searched:
        for name, cmap_number in FONT.findall(chunk):
            fonts[name.decode()] = _to_unicode(streams.get(int(cmap_number), b""))
    lines: list[str] = []
    for body in streams.values():
        if b" Tf" not in body or b"BT" not in body:
            continue
        font: dict[int, str] = {}
        baseline = None
        for name, _x, y, array, single in TEXT_OP.findall(body):
            if name:
                font = fonts.get(name.decode(), {})
                continue
            if y:
                if y != baseline or not lines:
                    lines.append("")
                baseline = y
                continue
            for run in HEX.findall(array) if array else [single]:
                glyphs = bytes.fromhex(run.decode())
                lines[-1] += "".join(
                    font.get(int.from_bytes(glyphs[i : i + 2], "big"), "?")
                    for i in range(0, len(glyphs), 2)
                )
    return [line.strip() for line in lines if line.strip()]

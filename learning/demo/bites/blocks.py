"""Small builders for StreamField block values, shared by the demo bites."""

NISCC_TOPIC_URL = "https://digitalskillssw.niscc.info/2023/06/30/topic-5"


def escaped(text):
    """Escape text for rich text HTML, leaving quotes as typed so the stored words match."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paras(*texts):
    """Return each (already escaped) text as an HTML paragraph."""
    return "".join(f"<p>{text}</p>" for text in texts)


def link(url, text):
    href = escaped(url).replace('"', "&quot;")
    return f'<a href="{href}">{escaped(text)}</a>'


def heading_block(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph_block(html):
    return {"type": "paragraph", "value": html}


def list_block(items, style="bulleted"):
    return {"type": "list", "value": {"style": style, "items": [escaped(i) for i in items]}}


def callout_block(html, label="Note"):
    return {"type": "callout", "value": {"label": label, "text": html}}


def standards_block(ids, heading):
    return {"type": "standards", "value": {"heading": heading, "standards": ids}}

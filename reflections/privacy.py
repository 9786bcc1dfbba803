"""Find text in a reflection that looks like it identifies a person who uses services.

Reflections are CPD evidence and must never identify the people social workers support. Before
a record is marked complete the site warns the learner about each finding, and the learner
fixes the text or confirms it identifies no one; whether a finding blocks anything is the
caller's business. Text the site itself wrote (what it pre-filled, a quiz or bite it quotes)
is passed as ``site_texts`` and never flagged; the learner's own words around it still are.
This is a heuristic tuned to catch the usual slips (an NHS number, a
postcode, "my client Ahmed") and stay quiet on ordinary CPD writing (standard 5.6, 7.5 hours,
CPD 2025, a training date, a cited author). It will miss some and flag some harmless text.
"""

import datetime
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import takewhile

from django.utils.translation import gettext_lazy as _

LABELS = {
    "nhs_number": _("an NHS number"),
    "ni_number": _("a National Insurance number"),
    "date_of_birth": _("a date of birth"),
    "postcode": _("a postcode"),
    "phone": _("a phone number"),
    "email": _("an email address"),
    "name_near_role": _("a name next to a word like “client” or “service user”"),
}
EXCERPT_CONTEXT = 30  # Characters shown either side of a finding.


@dataclass(frozen=True)
class Finding:
    """One piece of text that looks like a personal identifier, and where it is."""

    kind: str  # A key of LABELS.
    label: str  # Plain English for the learner, e.g. "an NHS number".
    field: str  # The caller's name for the text the finding is in.
    text: str  # The matched text: the field's text[start:end].
    start: int
    end: int
    excerpt: str  # The finding with about EXCERPT_CONTEXT characters either side.


# Ten digits, optionally 3-3-4 with one kind of separator; valid ones pass modulus 11.
NHS_RE = re.compile(r"(?<!\d)\d{3}([ -]?)\d{3}\1\d{4}(?!\d)")
# HMRC prefix rules: D F I Q U V never appear; O is never second; some pairs are unused.
NI_RE = re.compile(
    r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r" ?(?:\d{6}|\d\d \d\d \d\d) ?[A-D]\b",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# Outward code (A9, A99, A9A, AA9, AA99, AA9A), then the inward code (9AA): full postcodes only.
POSTCODE_RE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?)"
    r" ?(?P<inward>\d[ABD-HJLNP-UW-Z]{2}))\b",
    re.IGNORECASE,
)
ORDINAL_RE = re.compile(r"\d(?:st|nd|rd|th)")  # "B2 3rd floor" is no postcode; "B33 8TH" is.
# A loose UK shape (+44, 0 or (0, then 01/02/03/07 codes); _is_uk_phone checks the length.
PHONE_RE = re.compile(
    r"(?<![\w+])(?:\+44 ?(?:\(0\) ?)?|\(?0)[1237]\d{1,3}\)?(?:[ -]?\d){6,8}(?!\d)"
)

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY, _YEAR = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?", r",?\s+(?P<year>\d{4})\b"
DATE_RES = (
    # dd/mm/yyyy, dd-mm-yyyy, dd.mm.yy: UK order, one separator throughout.
    re.compile(
        r"(?<![\d/.-])(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)"
        r"(?P<year>\d{4}|\d{2})(?![\d]|[/.-]\d)"
    ),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\.?{_YEAR}", re.IGNORECASE),  # 3rd of March 2011
    re.compile(rf"\b{_MONTH}\.?\s+{_DAY}{_YEAR}", re.IGNORECASE),  # March 3rd, 2011
)
# "b." only in lower case, so that "Part B. 12/03/2026" is not a birth cue.
BIRTH_CUE_RE = re.compile(
    r"(?i:\bD\.?O\.?B\b\.?|\bdate\s+of\s+birth\b|\bborn\b(?:\s+on\b)?)|(?<![\w.])b\."
)
AGE_RE = re.compile(
    r"\baged?\b\s*:?\s*(?P<aged>\d{1,3})\b|\b(?P<old>\d{1,3})[- ]years?[- ]old\b", re.IGNORECASE
)
SENTENCE_BREAK_RE = re.compile(r"[.!?](?:\s|$)|\n")
BIRTH_CUE_BEFORE, BIRTH_CUE_AFTER, AGE_GAP = 25, 10, 25  # Most characters between cue and date.

_UP, _LO = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
# A capitalised word, with O'Neil, McDonald and Smith-Jones but not a possessive 's or "HCPC".
_WORD = rf"\b[{_UP}][{_LO}]*(?:['’][{_UP}][{_LO}]+|-[{_UP}]?[{_LO}]+|[{_UP}][{_LO}]+)*\b"
_TITLE = r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b\.?"
_NAME = rf"(?:{_TITLE}\s+{_WORD}|{_WORD}(?:\s+{_WORD})?)"
WORD_RE = re.compile(_WORD)
TITLE_RE = re.compile(_TITLE)
ROLE_RE = re.compile(
    r"\b(?:(?:young\s+)?(?:person|people)\s+(?:I|we)\s+(?:support|work\s+with)|service\s+users?"
    r"|clients?|young\s+(?:person|people)|child(?:ren)?|mother|father|mum|dad|parents?|carers?"
    r"|famil(?:y|ies)|residents?|patients?|son|daughter|grand(?:mother|father|parent)s?|baby"
    r"|tenants?)\b",
    re.IGNORECASE,
)
# Name, then "'s", a comma or bracket, and a few small words: "Ahmed's mother", "John, who is
# a service user", "Mrs Patel (client)". Searched so that it ends where the role word starts.
NAME_BEFORE_ROLE_RE = re.compile(
    rf"(?P<name>{_NAME})(?P<gap>['’]s\s+|\s*[,(]\s*|\s+)"
    r"(?:(?:who|is|was|a|an|the|my|our|his|her|their|as|being)\s+){0,3}$"
)
# Role, then a comma, colon, bracket or spaced dash, and the name: "my client Ahmed", "the service
# user, John Smith", "the family of Mr Jones". Matched from where the role word ends.
NAME_AFTER_ROLE_RE = re.compile(
    rf"(?:\s*[,:(]\s*|\s+[–—-]\s+|\s+)(?:(?:called|named|known\s+as|is|was|of)\s+)?"
    rf"(?P<name>{_NAME})"
)
# A name straight after one of these words is a colleague's or an author's, not a client's.
PROFESSIONAL_RE = re.compile(
    r"\b(?:manager|supervisor|colleague|tutor|assessor|mentor|educator|lecturer|worker|nurse"
    r"|doctor|GP|teacher|author|leader|lead|student|professor|officer|chair|trainer)\s*,?\s*$",
    re.IGNORECASE,
)
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n])[\s\"'“‘(]*$")
CITATION_RE = re.compile(r",?\s*\(?\d{4}\b|\s+et\s+al\b")  # "the patient (Smith, 2019)"
# Capitalised words that are rarely names: in lower case, compared in lower case.
_NOT_NAMES = """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december i the a an my our his her their
    this that these those we he she they it in on at as with for from to of if but and so or
    then when after before during later also however although because while following today
    yesterday tomorrow recently initially afterwards finally firstly secondly lastly next
    overall having being supporting working reflecting what why how where who dear hello hi
    social work worker workers england scotland wales northern ireland britain uk english
    british welsh scottish irish london manchester birmingham leeds liverpool bristol
    sheffield newcastle glasgow edinburgh cardiff belfast niscc hcpc swe nhs cqc ofsted cpd
    gp covid facebook twitter instagram linkedin youtube tiktok whatsapp google teams zoom
    council court trust act care children child family families young person people service
    services user users client clients mother father mum dad parent parents carer carers
    patient patients resident residents baby local authority government department health
    mental capacity protection plan safeguarding safeguard conference panel board standard
    standards framework guidance module training session workshop supervision supervisor
    manager team office christmas easter please thanks yes no not there here one some all
    each every both appendix section chapter figure table page part unit level stage step see
"""
NOT_NAMES = frozenset(_NOT_NAMES.split())


def _nhs_valid(digits: str) -> bool:
    total = sum(int(digit) * (10 - i) for i, digit in enumerate(digits[:9]))
    check = (11 - total % 11) % 11  # 11 means 0; 10 means no valid number has these digits.
    return check != 10 and check == int(digits[9]) and len(set(digits)) > 1


def _is_uk_phone(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        digits = "0" + digits[2:].removeprefix("0")
    # Every UK number is 0 plus ten digits, bar a few old 01 areas with nine.
    return len(digits) == 11 or (len(digits) == 10 and digits.startswith("01"))


def _dates(text: str, today: datetime.date) -> Iterator[tuple[int, int, datetime.date]]:
    for pattern in DATE_RES:
        for match in pattern.finditer(text):
            month = match["month"]
            month = int(month) if month.isdigit() else _MONTHS.index(month[:3].lower()) + 1
            year = int(match["year"])
            if len(match["year"]) == 2:
                year += 2000 if 2000 + year <= today.year else 1900
            try:
                yield match.start(), match.end(), datetime.date(year, month, int(match["day"]))
            except ValueError:  # 31/02, 13/13: not a date at all.
                continue


def _near(text: str, start: int, end: int, cue: re.Match, before: int, after: int) -> bool:
    """Return whether the cue sits within a few characters of text[start:end], same sentence."""
    if 0 <= start - cue.end() <= before:
        return not SENTENCE_BREAK_RE.search(text, cue.end(), start)
    if 0 <= cue.start() - end <= after:
        return not SENTENCE_BREAK_RE.search(text, end, cue.start())
    return False


def _age_fits(born: datetime.date, age: int, today: datetime.date) -> bool:
    # "On 12/03/2026 I met a young person aged 14" has an activity date, not a birth date: a
    # person born then would be 0 today, not 14 or a year or two older.
    years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return age <= years <= age + 2


def _dates_of_birth(text: str, today: datetime.date) -> Iterator[tuple[int, int]]:
    cues = list(BIRTH_CUE_RE.finditer(text))
    ages = list(AGE_RE.finditer(text))
    for start, end, date in _dates(text, today):
        born = any(_near(text, start, end, cue, BIRTH_CUE_BEFORE, BIRTH_CUE_AFTER) for cue in cues)
        aged = any(
            _near(text, start, end, age, AGE_GAP, AGE_GAP)
            and _age_fits(date, int(age["aged"] or age["old"]), today)
            for age in ages
        )
        if born or aged:
            yield start, end


def _name_span(text: str, start: int, end: int, role_first: bool) -> tuple[int, int] | None:
    """Return the part of a candidate name that is plausibly a name, or None.

    Keep a title and its word whole. Otherwise drop common capitalised words on the side away
    from the role word ("Yesterday Kayleigh, the young person"); give up if the word next to
    the role word is one of them ("Social Work England's service user").
    """
    if TITLE_RE.match(text, start):
        word = WORD_RE.search(text, TITLE_RE.match(text, start).end(), end)
        return (start, end) if word and word[0].lower() not in NOT_NAMES else None
    words = list(WORD_RE.finditer(text, start, end))
    words = words if role_first else words[::-1]  # The word next to the role word first.
    kept = list(takewhile(lambda word: word[0].lower() not in NOT_NAMES, words))
    return (min(w.start() for w in kept), max(w.end() for w in kept)) if kept else None


def _claimed(text: str, start: int, end: int) -> bool:
    """Return whether the name is a colleague's ("my manager Sarah") or a cited author's."""
    return bool(
        PROFESSIONAL_RE.search(text, max(0, start - 40), start) or CITATION_RE.match(text, end)
    )


def _names_near_roles(text: str) -> Iterator[tuple[int, int]]:
    """Yield spans of capitalised names within a few words of a service-user role word.

    A name is a title with a capitalised word ("Mrs Patel") or one or two capitalised words
    that are not on the NOT_NAMES list. It counts when it comes just after a role word ("my
    client Ahmed", "the family of Mr Jones") or just before one, joined by a comma, bracket,
    possessive or small words ("John, a service user", "Ahmed's mother"). Left alone:
    - a name straight after a professional word ("my manager Sarah") or cited ("Smith, 2019");
    - a capitalised role word joined to a capitalised word ("Family Court", "Safeguard
      Children"): a proper noun, not a person;
    - one capitalised word starting a sentence with no comma or bracket after it
      ("Supporting the family"), which is usually just the first word of the sentence.
    """
    for role in ROLE_RE.finditer(text):
        # "Family Court", "Safeguard Children"; "his Mum Tracey" still counts.
        proper_noun = (
            role[0][0].isupper()
            and role[0].lower() not in {"mum", "dad"}
            and not SENTENCE_START_RE.search(text, max(0, role.start() - 20), role.start())
        )
        after = NAME_AFTER_ROLE_RE.match(text, role.end())
        if after and not (proper_noun and text[role.end() : after.start("name")].isspace()):
            span = _name_span(text, *after.span("name"), role_first=True)
            if span and not _claimed(text, *span):
                yield span
        before = NAME_BEFORE_ROLE_RE.search(text, max(0, role.start() - 80), role.start())
        if before and not (
            proper_noun and before["gap"].isspace() and before.end("gap") == role.start()
        ):
            span = _name_span(text, *before.span("name"), role_first=False)
            if not span or _claimed(text, *span):
                continue
            one_word = not WORD_RE.search(text, WORD_RE.match(text, span[0]).end(), span[1])
            appositive = not before["gap"].isspace()  # "Kayleigh, the young person"
            at_start = SENTENCE_START_RE.search(text, max(0, span[0] - 20), span[0])
            if one_word and at_start and not appositive:
                continue
            yield span


def _candidates(text: str, today: datetime.date) -> Iterator[tuple[str, int, int]]:
    """Yield (kind, start, end), the kinds in order of precedence when two overlap."""
    for match in NHS_RE.finditer(text):
        if _nhs_valid(re.sub(r"\D", "", match[0])):
            yield "nhs_number", *match.span()
    for match in NI_RE.finditer(text):
        yield "ni_number", *match.span()
    for match in EMAIL_RE.finditer(text):
        yield "email", *match.span()
    for span in _dates_of_birth(text, today):
        yield "date_of_birth", *span
    for match in POSTCODE_RE.finditer(text):
        inward = match["inward"]
        if not (inward and ORDINAL_RE.fullmatch(inward) and not inward.isupper()):
            yield "postcode", *match.span()
    for match in PHONE_RE.finditer(text):
        # Leave out an opening bracket that is not the area code's: "(07700 900123)".
        start = match.start() + int(match[0].startswith("(") and ")" not in match[0])
        if _is_uk_phone(match[0]):
            yield "phone", start, match.end()
    for start, end in sorted(set(_names_near_roles(text)), key=lambda span: span[0] - span[1]):
        yield "name_near_role", start, end


def _excerpt(text: str, start: int, end: int) -> str:
    left, right = max(0, start - EXCERPT_CONTEXT), min(len(text), end + EXCERPT_CONTEXT)
    if left > 0 and (space := text.find(" ", left, start)) != -1:
        left = space + 1  # Start and end on whole words.
    if right < len(text) and (space := text.rfind(" ", end, right)) != -1:
        right = space
    excerpt = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + excerpt + ("…" if right < len(text) else "")


def _site_spans(text: str, site_patterns: list[re.Pattern]) -> list[tuple[int, int]]:
    """Return where the site's own texts occur in the text."""
    return [match.span() for pattern in site_patterns for match in pattern.finditer(text)]


def _site_pattern(site_text: str) -> re.Pattern | None:
    # Any run of whitespace matches any other: a browser sends a textarea's newlines as
    # CRLF, and a learner may rewrap a line.
    words = site_text.split()
    return re.compile(r"\s+".join(map(re.escape, words))) if words else None


def find_identifiers(
    fields: Mapping[str, str],
    *,
    site_texts: Iterable[str] = (),
    today: datetime.date | None = None,
) -> list[Finding]:
    """Return findings across the named text fields, in field order then position order.

    A finding that lies wholly inside one of ``site_texts`` (text the site wrote, wherever
    in the fields it now is) is left out. ``today`` (default: today) is only used to judge
    whether a date next to an age is a birth date and to read two-digit years.
    """
    today = today or datetime.date.today()
    site_patterns = [p for p in map(_site_pattern, site_texts) if p is not None]
    findings = []
    for field, text in fields.items():
        accepted: list[tuple[int, int, str]] = []
        site_spans = _site_spans(text or "", site_patterns)
        for kind, start, end in _candidates(text or "", today):
            if any(s_start <= start and end <= s_end for s_start, s_end in site_spans):
                continue
            # An NHS-valid number is an NHS number, not also a phone number; a longer name
            # beats the shorter one inside it.
            if not any(
                start < other_end and other_start < end
                for other_start, other_end, _other in accepted
            ):
                accepted.append((start, end, kind))
        findings.extend(
            Finding(
                kind, LABELS[kind], field, text[start:end], start, end, _excerpt(text, start, end)
            )
            for start, end, kind in sorted(accepted)
        )
    return findings

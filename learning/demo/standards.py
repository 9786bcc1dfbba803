"""The regulators and the standards frameworks the demo loads, as plain data.

Every statement is the regulator's own short wording, checked on 2026-11-23 against the
source recorded with its framework; docs/content-sources.md lists each source, what could
not be verified (and so is left out) and why each equivalence was recorded.
"""

from datetime import date

CHECKED_ON = date(2026, 11, 23)

REGULATORS = [
    {
        "code": "hcpc",
        "name": "Health and Care Professions Council",
        "short_name": "HCPC",
        "regulates": (
            "Health and care professions across the UK; social workers in England from "
            "1 August 2012 to 1 December 2019"
        ),
        "regulates_since": None,
        "previous_regulator": None,
        "website": "https://www.hcpc-uk.org",
    },
    {
        "code": "swe",
        "name": "Social Work England",
        "short_name": "Social Work England",
        "regulates": "Social workers in England",
        "regulates_since": date(2019, 12, 2),
        "previous_regulator": "hcpc",
        "website": "https://www.socialworkengland.org.uk",
    },
    {
        "code": "niscc",
        "name": "Northern Ireland Social Care Council",
        "short_name": "NISCC",
        "regulates": "Social workers and social care workers in Northern Ireland",
        "regulates_since": None,
        "previous_regulator": None,
        "website": "https://www.niscc.info",
    },
    {
        "code": "scw",
        "name": "Social Care Wales",
        "short_name": "Social Care Wales",
        "regulates": "Social workers and social care workers in Wales",
        "regulates_since": None,
        "previous_regulator": None,
        "website": "https://socialcare.wales",
    },
]

# Each framework: its page fields and its standards as (code, statement) in document order.
# "label" names a whole-number standard in page titles ("Standard 13: ...").
FRAMEWORKS = [
    {
        "key": "hcpc-2008",
        "regulator": "hcpc",
        "title": "HCPC Standards of conduct, performance and ethics (2008)",
        "version": "2008",
        # The date from which this version applied to social workers in England; the date
        # the Health Professions Council first brought it in is not verified.
        "effective_from": date(2012, 8, 1),
        "superseded_on": date(2016, 1, 26),
        "applies_to": (
            "Everyone on the HCPC Register, including social workers in England from "
            "1 August 2012 until the revised standards took effect on 26 January 2016"
        ),
        "intro": (
            "<p>The fourteen standards the Health Professions Council published after the "
            "review it began in July 2006, which the Health and Care Professions Council "
            "applied to social workers in England when it began regulating them on "
            "1 August 2012. They were replaced by the revised standards of "
            "26 January 2016.</p>"
            "<p>Only standards 1, 2, 3 and 13 are recorded here, in the wording the "
            "<i>Social workers - social media</i> knowledge bite quotes: the wording of the "
            "other ten could not be checked against a copy of the document.</p>"
        ),
        "source_url": "",
        "standards": [
            ("1", "You must act in the best interests of service users"),
            ("2", "You must respect the confidentiality of service users"),
            ("3", "You must keep high standards of personal conduct"),
            (
                "13",
                "You must behave with honesty and integrity and make sure that your behaviour "
                "does not damage the public's confidence in you or your profession.",
            ),
        ],
    },
    {
        "key": "hcpc-2016",
        "regulator": "hcpc",
        "title": "HCPC Standards of conduct, performance and ethics (2016)",
        "version": "2016",
        "effective_from": date(2016, 1, 26),
        "superseded_on": date(2024, 9, 1),
        "applies_to": (
            "Everyone on the HCPC Register (16 professions), including social workers in "
            "England until 1 December 2019"
        ),
        "intro": (
            "<p>The ten standards the HCPC introduced on 26 January 2016, replacing the "
            "fourteen standards of 2008. Social workers in England met them until "
            "1 December 2019; Social Work England has regulated them since 2 December 2019. "
            "The HCPC replaced these standards with revised ones on 1 September 2024.</p>"
            "<p>The demo records the ten standards and the numbered standards quoted in its "
            "knowledge bites, not every numbered standard.</p>"
        ),
        "source_url": (
            "http://www.hcpc-uk.org/aboutregistration/standards/"
            "standardsofconductperformanceandethics/"
        ),
        "standards": [
            ("1", "Promote and protect the interests of service users and carers"),
            ("2", "Communicate appropriately and effectively"),
            ("2.1", "You must be polite and considerate."),
            (
                "2.2",
                "You must listen to service users and carers and take account of their needs "
                "and wishes.",
            ),
            (
                "2.3",
                "You must give service users and carers the information they want or need, "
                "in a way they can understand.",
            ),
            (
                "2.4",
                "You must make sure that, where possible, arrangements are made to meet "
                "service users' and carers' language and communication needs.",
            ),
            (
                "2.5",
                "You must work in partnership with colleagues, sharing your skills, knowledge "
                "and experience where appropriate, for the benefit of service users and carers.",
            ),
            (
                "2.6",
                "You must share relevant information, where appropriate, with colleagues "
                "involved in the care, treatment or other services provided to a service user.",
            ),
            (
                "2.7",
                "You must use all forms of communication appropriately and responsibly, "
                "including social media and networking websites.",
            ),
            ("3", "Work within the limits of your knowledge and skills"),
            ("4", "Delegate appropriately"),
            ("5", "Respect confidentiality"),
            ("5.1", "You must treat information about service users as confidential."),
            ("6", "Manage risk"),
            ("7", "Report concerns about safety"),
            ("8", "Be open when things go wrong"),
            ("9", "Be honest and trustworthy"),
            (
                "9.1",
                "You must make sure that your conduct justifies the public's trust and "
                "confidence in you and your profession.",
            ),
            (
                "9.3",
                "You must make sure that any promotional activities you are involved in are "
                "accurate and are not likely to mislead.",
            ),
            ("10", "Keep records of your work"),
        ],
    },
    {
        "key": "hcpc-2024",
        "regulator": "hcpc",
        "title": "HCPC Standards of conduct, performance and ethics (2024)",
        "version": "2024",
        "effective_from": date(2024, 9, 1),
        "superseded_on": None,
        "applies_to": (
            "Everyone on the HCPC Register (15 professions); social workers in England are "
            "regulated by Social Work England"
        ),
        "intro": (
            "<p>The revised standards in force since 1 September 2024. The demo records only "
            "the two standards on social media and networking sites.</p>"
        ),
        "source_url": "https://www.hcpc-uk.org/standards/standards-of-conduct-performance-and-ethics/",
        "standards": [
            (
                "2.9",
                "You must use all forms of communication with colleagues and other health and "
                "care professionals responsibly, including media-sharing networks and social "
                "networking sites.",
            ),
            (
                "2.10",
                "You must use media-sharing networks and social networking sites responsibly.",
            ),
        ],
    },
    {
        "key": "swe-2019",
        "regulator": "swe",
        "title": "Social Work England professional standards (2019)",
        "version": "2019",
        "effective_from": date(2019, 12, 2),
        "superseded_on": None,
        "applies_to": "Registered social workers in England, in all roles and settings",
        "intro": (
            "<p>Published in July 2019, these standards have applied to every social worker "
            "in England since Social Work England began regulating the profession on "
            '2 December 2019. Each numbered standard completes the sentence "As a social '
            'worker, I will:"; in section 5 the sentence is "As a social worker, I will '
            'not:", so its standards are recorded with those words in front.</p>'
            "<p>The demo records the standards whose wording could be checked: sections 1, "
            "2, 4 and 5 in part. The headings of sections 3 and 6 are not recorded.</p>"
        ),
        "source_url": "https://www.socialworkengland.org.uk/standards/professional-standards/",
        "standards": [
            (
                "1",
                "Promote the rights, strengths and wellbeing of people, families and communities",
            ),
            (
                "1.1",
                "Value each person as an individual, recognising their strengths and abilities.",
            ),
            (
                "1.2",
                "Respect and promote the human rights, views, wishes and feelings of the people "
                "I work with, balancing rights and risks and enabling access to advice, "
                "advocacy, support and services.",
            ),
            (
                "1.3",
                "Work in partnership with people to promote their well-being and achieve best "
                "outcomes, recognising them as experts in their own lives.",
            ),
            (
                "1.4",
                "Value the importance of family and community systems and work in partnership "
                "with people to identify and harness the assets of those systems.",
            ),
            (
                "1.5",
                "Recognise differences across diverse communities and challenge the impact of "
                "disadvantage and discrimination on people and their families and communities.",
            ),
            (
                "1.6",
                "Promote social justice, helping to confront and resolve issues of inequality "
                "and inclusion.",
            ),
            (
                "1.7",
                "Recognise and use responsibly, the power and authority I have when working "
                "with people, ensuring that my interventions are always necessary, the least "
                "intrusive, proportionate, and in people's best interests.",
            ),
            ("2", "Establish and maintain the trust and confidence of people"),
            ("2.1", "Be open, honest, reliable and fair."),
            ("2.2", "Respect and maintain people's dignity and privacy."),
            (
                "2.3",
                "Maintain professional relationships with people and ensure that they "
                "understand the role of a social worker in their lives.",
            ),
            ("4", "Maintain my continuing professional development"),
            (
                "4.1",
                "Incorporate feedback from a range of sources, including from people with "
                "lived experience of my social work practice.",
            ),
            (
                "4.2",
                "Use supervision and feedback to critically reflect on, and identify my "
                "learning needs, including how I use research and evidence to inform my "
                "practice.",
            ),
            (
                "4.3",
                "Keep my practice up to date and record how I use research, theories and "
                "frameworks to inform my practice and my professional judgement.",
            ),
            (
                "4.4",
                "Demonstrate good subject knowledge on key aspects of social work practice and "
                "develop knowledge of current issues in society and social policies impacting "
                "on social work.",
            ),
            (
                "4.5",
                "Contribute to an open and creative learning culture in the workplace to "
                "discuss, reflect on and share best practice.",
            ),
            (
                "4.6",
                "Reflect on my learning activities and evidence what impact continuing "
                "professional development has on the quality of my practice.",
            ),
            (
                "4.7",
                "Record my learning and reflection on a regular basis and in accordance with "
                "Social Work England's guidance on continuing professional development.",
            ),
            ("4.8", "Reflect on my own values and challenge the impact they have on my practice."),
            ("5", "Act safely, respectfully and with professional integrity"),
            (
                "5.6",
                "As a social worker, I will not use technology, social media or other forms of "
                "electronic communication unlawfully, unethically, or in a way that brings the "
                "profession into disrepute.",
            ),
        ],
    },
    {
        "key": "niscc-2015",
        "regulator": "niscc",
        "title": "NISCC Standards of Conduct and Practice for Social Workers (2015)",
        "version": "2015",
        # The edition is dated November 2015; the day it took effect is not verified.
        "effective_from": date(2015, 11, 1),
        "superseded_on": None,
        "applies_to": "Social workers registered with the Northern Ireland Social Care Council",
        "intro": (
            "<p>The Northern Ireland Social Care Council's standards of conduct and practice "
            "for social workers, in the edition dated November 2015. The demo records only "
            "standard 5.9, on social media, as NISCC quotes it in its digital skills "
            "resource for social workers.</p>"
        ),
        "source_url": "https://digitalskillssw.niscc.info/2023/06/30/topic-5",
        "standards": [
            (
                "5.9",
                "You must not use social media or social networking sites or other forms of "
                "electronic communication in a way that contravenes professional boundaries, "
                "organisational guidelines or the Social Care Council standards",
            ),
        ],
    },
    {
        "key": "scw-2015",
        "regulator": "scw",
        "title": "Social Care Wales Code of Professional Practice for Social Care (2015)",
        "version": "2015",
        "effective_from": date(2015, 7, 1),
        "superseded_on": date(2026, 7, 1),
        "applies_to": "Social care workers in Wales, including registered social workers",
        "label": "Section",
        "intro": (
            "<p>The Code published by the Care Council for Wales, applying from 1 July 2015 "
            "and republished without changes to its standards when the Care Council became "
            "Social Care Wales in 2017. From 1 July 2026 it is replaced by the Code of "
            "Professional Practice for Social Care Workers.</p>"
            "<p>The demo records the headings of sections 1 to 6 only.</p>"
        ),
        "source_url": "https://socialcare.wales/fitness-to-practise/codes-of-practice-and-guidance",
        "standards": [
            (
                "1",
                "Respect the views and wishes, and promote the rights and interests, of "
                "individuals and carers.",
            ),
            (
                "2",
                "Strive to establish and maintain the trust and confidence of individuals and "
                "carers.",
            ),
            (
                "3",
                "Promote the well-being, voice and control of individuals and carers while "
                "supporting them to stay safe.",
            ),
            (
                "4",
                "Respect the rights of individuals while seeking to ensure that their "
                "behaviour does not harm themselves or other people.",
            ),
            (
                "5",
                "Act with integrity and uphold public trust and confidence in the social care "
                "profession.",
            ),
            (
                "6",
                "Be accountable for the quality of your work and take responsibility for "
                "maintaining and developing knowledge and skills.",
            ),
        ],
    },
    {
        "key": "scw-2026",
        "regulator": "scw",
        "title": "Social Care Wales Code of Professional Practice for Social Care Workers (2026)",
        "version": "2026",
        "effective_from": date(2026, 7, 1),
        "superseded_on": None,
        "applies_to": "Social care workers in Wales, including registered social workers",
        "intro": (
            "<p>The updated Workers' Code, in force from 1 July 2026. Social Care Wales "
            "describes it as clearer and shorter than the Code it replaces, with no change to "
            "the standards of practice. Its standards are not yet recorded in the demo.</p>"
        ),
        "source_url": (
            "https://socialcare.wales/dealing-with-concerns/codes-of-practice-and-guidance/"
            "code-of-professional-practice-for-social-care-workers"
        ),
        "standards": [],
    },
]

# (framework key, code) -> the standards in force now that cover the same ground.
# docs/content-sources.md gives the reason for each line.
EQUIVALENTS = {
    ("hcpc-2008", "1"): [("hcpc-2016", "1"), ("swe-2019", "1")],
    ("hcpc-2008", "2"): [("hcpc-2016", "5"), ("hcpc-2016", "5.1")],
    ("hcpc-2008", "3"): [("hcpc-2016", "9.1"), ("swe-2019", "5")],
    ("hcpc-2008", "13"): [
        ("hcpc-2016", "9"),
        ("hcpc-2016", "9.1"),
        ("swe-2019", "2.1"),
        ("swe-2019", "5.6"),
    ],
    ("hcpc-2016", "2.7"): [
        ("hcpc-2024", "2.9"),
        ("hcpc-2024", "2.10"),
        ("swe-2019", "5.6"),
        ("niscc-2015", "5.9"),
    ],
    ("hcpc-2016", "9.1"): [("swe-2019", "5")],
    ("swe-2019", "5.6"): [("niscc-2015", "5.9")],
    ("niscc-2015", "5.9"): [("swe-2019", "5.6")],
}


def standard_slug(code):
    """Return the page slug for a standard code: "13" -> "standard-13", "5.6" -> "5-6"."""
    return f"standard-{code}" if code.isdigit() else code.replace(".", "-")


def standard_title(code, statement, label="Standard", limit=90):
    """Return a page title that starts with the code and stays readable in lists."""
    prefix = f"{label} {code}: " if code.isdigit() else f"{code} "
    text = statement.rstrip(".")
    if len(prefix) + len(text) > limit:
        text = text[: limit - len(prefix) - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return prefix + text

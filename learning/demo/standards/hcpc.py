"""HCPC standards of conduct, performance and ethics: 2008, 2016 and 2024 editions.

Sources and what is left out: docs/content-sources.md.
"""

from datetime import date

HCPC_FRAMEWORKS = [
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
]

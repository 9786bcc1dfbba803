"""Social Work England, NISCC and Social Care Wales frameworks.

Sources and what is left out: docs/content-sources.md.
"""

from datetime import date

OTHER_FRAMEWORKS = [
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

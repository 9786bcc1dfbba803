"""The demo knowledge bites, built from the client's source documents.

The words are the sources' own (docs/content-sources.md says which seed each comes from
and what was left out); only headings lose their trailing colons. Each builder takes
`standard`, a function (framework key, code) -> StandardPage id, and returns the page
fields with a StreamField body as a list of {"type", "value"} dicts.
"""

NISCC_TOPIC_URL = "https://digitalskillssw.niscc.info/2023/06/30/topic-5"


def _text(text):
    """Escape text for rich text HTML, leaving quotes as typed so the stored words match."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _p(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


def _link(url, text):
    href = _text(url).replace('"', "&quot;")
    return f'<a href="{href}">{_text(text)}</a>'


def _heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def _list(items, style="bulleted"):
    return {"type": "list", "value": {"style": style, "items": [_text(i) for i in items]}}


def _callout(html, label="Note"):
    return {"type": "callout", "value": {"label": label, "text": html}}


def _standards(ids, heading):
    return {"type": "standards", "value": {"heading": heading, "standards": ids}}


def social_workers_social_media(standard):
    """Return the "Social workers - social media" bite (seed 003, footnotes from 001)."""
    general_issues = [
        "People tend to use social media platforms for different purposes. For example, "
        "Facebook tends to be more personal and private, while Twitter and LinkedIn tend to "
        "be more professional and public.",
        "Widespread use of social media is particularly challenging for those working with "
        "children and families and can present unique ethical dilemmas.",
        "During social work training, case scenarios tend to focus on the ethics of bumping "
        "into service users in real-world situations but rarely consider the implications of "
        "crossing paths with them online",
        "There have been several incidents in which use of social media has led to the "
        "involvement of the HCPC, including Siobhan Condon who posted about a child "
        "protection case on Facebook and received a 12-month 'conditions of practice' order "
        "as a result.",
        "Social workers need a better understanding of the technology and the risks it poses. "
        "They also need to understand how to behave appropriately and safely online to "
        "protect both themselves and their professional reputation.",
        "Social media should not be regarded purely in a negative light. The sharing of best "
        "practice on appropriate platforms can be hugely beneficial to social work practice.",
    ]
    good_practice = [
        "Don't accept friend or follow requests on personal accounts from service users, even "
        "those with whom you are no longer working.",
        "Review your privacy settings on all social media sites. For example, Facebook "
        "regularly changes privacy settings without notifying users so it's worth checking "
        "your settings periodically",
        "On Twitter, you can set your account to private by selecting 'protect my tweets' so "
        "that you can accept or decline requests to follow you. Your Instagram account can "
        "also be made private.",
        "On Facebook, as well as ensuring that your posts can only be viewed by 'Friends', you "
        "can customise posts by limiting the information that certain people see. However, "
        "this does not guarantee privacy as a friend could pass on information to others",
        "Think carefully about commenting on friends' profiles or photos. If their account "
        "isn't private, your comments can be seen by anyone.",
        "Think before you post. Never post anything you wouldn't want your work colleagues to see.",
        "Consider what you profile picture might say about you.",
        "Search for your name regularly on public search engines to monitor your digital identity.",
    ]
    cc = "http://www.communitycare.co.uk"
    references = [
        (
            'BROADBENT, Hannah. (2015). "Skills for the job: protect your online reputation". '
            "<i>Children and People Now 3-6 March</i>, 35.",
            "",
        ),
        (
            "SCHRAER, R. (2015). Less than 2% of councils provide social media guidance for "
            "social workers. <i>Community Care</i>.",
            f"{cc}/2015/04/29/less-2-councils-provide-social-media-guidance-social-workers/",
        ),
        (
            "SILMAN, J. (2014). 'We rarely need to take action over a registrant's use of "
            "social networking sites'. <i>Community Care.</i>",
            "https://www.communitycare.co.uk/2014/09/17/"
            "rarely-need-take-action-registrants-use-social-networking-sites/",
        ),
        (
            "STEVENSON, Luke. (2014). A simple guide to protecting your social media privacy "
            "on Facebook. <i>Community Care</i>.",
            f"{cc}/2014/09/11/simple-guide-protecting-social-media-privacy-facebook/",
        ),
        (
            "TURNER, D. (2015). Connected and protected: can social media be a part of social "
            "work practice? <i>Community Care.</i>",
            f"{cc}/2015/02/03/connected-protected-can-social-media-part-social-work-practice/",
        ),
        (
            "TURNER, D. (2015). Lack of clear social media guidance is creating 'anxiety and "
            "alienation'. <i>Community Care.</i>",
            f"{cc}/2015/04/29/lack-clear-social-media-guidance-creating-anxiety-alienation/",
        ),
    ]
    body = [
        {
            "type": "quotation",
            "value": {
                "quote": "The social networking genie is out of the bottle and whether it is "
                "Twitter, Facebook or sites that supersede them, the world of interpersonal "
                "relationships is now much wider than the pub and the supermarket",
                "attribution": "Denise Turner, 2015",
            },
        },
        _callout(
            _p(
                "this knowledge bite should be read in conjunction with the Use of Texts and "
                "Social Media &amp; Staying Safe Online training on MySkills."
            )
        ),
        _heading("General issues"),
        {
            "type": "statistic",
            "value": {
                "text": "Social media is an unavoidable part of our lives. There are 1.5 billion "
                "monthly Facebook users and 307 million monthly Twitter users worldwide.",
                "footnotes": [
                    {
                        "after": "1.5 billion",
                        "source": "Statista: number of monthly active Facebook users worldwide",
                        "url": "http://www.statista.com/statistics/264810/"
                        "number-of-monthly-active-facebook-users-worldwide/",
                    },
                    {
                        "after": "307 million monthly Twitter users",
                        "source": "Statista: number of monthly active Twitter users",
                        "url": "http://www.statista.com/statistics/282087/"
                        "number-of-monthly-active-twitter-users/",
                    },
                ],
            },
        },
        _list(general_issues),
        {
            "type": "risks",
            "value": {
                "heading": "Risks",
                "risks": [
                    {"title": title, "detail": ""}
                    for title in [
                        "Service users contacting social workers via social media",
                        "Social workers discussing cases on social media",
                        "Service users posting details about social workers on "
                        "'Social work hate sites'",
                        "Fear of sanction creates anxiety and alienation around use of social "
                        "networking.",
                    ]
                ],
            },
        },
        _heading("Published guidelines and standards"),
        _paragraph(
            _p(
                _link(
                    "http://www.hcpc-uk.org/Assets/documents/100035B7Social_media_guidance.pdf",
                    "The HCPC's broad guidelines for social workers on using social media",
                )
            )
        ),
        _standards(
            [standard("hcpc-2008", code) for code in ("1", "2", "3", "13")],
            "Relevant HCPC Registrant standards",
        ),
        _paragraph(
            _p(_link("http://cdn.basw.co.uk/upload/basw_34634-1.pdf", "BASW social media policy"))
        ),
        _heading("Good Practice"),
        _callout(
            _p(
                "This list is not exhaustive and should be considered in conjunction with the "
                "following guides:"
            )
            + "<ul><li>"
            + _link(
                f"{cc}/2014/09/11/simple-guide-protecting-social-media-privacy-facebook/",
                "Protecting social media privacy on Facebook",
            )
            + "</li><li>"
            + _link(
                "http://www.saferinternet.org.uk/advice-and-resources/parents-and-carers/"
                "safety-tools-on-online-services",
                "UK Safer Internet Centre safety tools",
            )
            + "</li></ul>"
        ),
        _list(good_practice, style="numbered"),
        {
            "type": "references",
            "value": {
                "heading": "References",
                "references": [{"citation": c, "url": url} for c, url in references],
            },
        },
    ]
    return {
        "title": "Social workers - social media",
        "slug": "social-workers-social-media",
        "summary": (
            "Why social media is a particular risk for social workers, the HCPC standards the "
            "guidance rested on, and eight habits that keep you and your registration safe "
            "online."
        ),
        "body": body,
    }


def niscc_social_media(standard):
    """Return the bite from NISCC's page on social media (seed 004)."""
    intro = [
        "Social media offers significant opportunity for social workers to communicate, "
        "connect, collaborate, keep up-to-date with practice developments and engage directly "
        "with the individuals who they support. While the digital revolution is not unique to "
        "social work, there are few other disciplines where the challenges presented by the "
        "use of social media are so blurred and fraught with potential risks to the "
        "professional (Jackson, R., 2019). These challenges can create an accompanying unease "
        "both at the level of employing organisations and individual practitioners about the "
        "potential risks use of social media poses in a professional context.",
        "As a social worker you need to be knowledgeable about social media and other "
        "technological advances, you need to be mindful too of how their use might alter "
        "power dynamics within relationships and impact practice. Social media poses many "
        "ethical and professional dilemmas irrespective of practice context. Even where you "
        "may not use social media directly yourself, you may be impacted by how others, "
        "including the individuals you support, use it. Social media is a public domain and "
        "you should be aware that while online you are still representing the profession and "
        "your employing organisation.",
        "Most employers will have social media policies in place which provide guidance on "
        "safe use. Similarly, all health and social care regulators have provisions within "
        "their codes or standards which relate specifically to use of social media, often "
        "underpinned by more detailed guidance. While this guidance cannot reasonably cover "
        "every social media situation that you as a registrant may face, it will generally "
        "set out broad principles to enable you to think through issues and act in a way that "
        "ensures both you and the individuals you support remain safe. It is important "
        "therefore that you familiarise yourself with your employer’s guidance on social "
        "media use as well as the relevant provisions within your standards of conduct and "
        "practice.",
        "The NISCC Standards of Conduct and Practice for Social Workers contain a specific "
        "standard relating to social media use [Standard 5:9 ‘You must not use social media "
        "or social networking sites or other forms of electronic communication in a way that "
        "contravenes professional boundaries, organisational guidelines or the Social Care "
        "Council standards’]. It is important to remember that many of the other standards "
        "are equally applicable to how you use social media.",
        "Some of the most relevant provisions within the Standards are outlined below:",
    ]
    tips = [
        "Think before you post. Assume that what you post could be shared and read by anyone. "
        "A good rule is don’t post when angry or emotional and a general rule of thumb is not "
        "to say anything on social media that you wouldn’t be happy to see printed in a "
        "newspaper.",
        "Think about who can see what you share and manage your privacy settings accordingly. "
        "Remember that privacy settings cannot guarantee that something you post will not be "
        "publicly visible. Many employees assume that posting online from a personal account "
        "means their posts are private. This isn’t necessarily the case. What is posted online "
        "is probably more public than in the ‘real’ world and can easily reach an audience far "
        "beyond what was intended or expected. Even if profiles are set to private, a friend "
        "or a connection’s ability to screenshot, copy and forward is not limited.",
        "Maintain appropriate professional boundaries if you communicate with colleagues, "
        "service users or carers.",
        "Do not post confidential or service user identifiable information.",
        "Do not post inappropriate or offensive material. Use your professional judgement "
        "about whether something you share falls below the professional standards expected of "
        "you.",
        "Follow your employer’s social media policy",
        "When in doubt, seek advice. Appropriate sources might include experienced colleagues, "
        "trade unions and professional bodies.",
        "Exploit the benefits of social media safey We know that many registrants find using "
        "social media beneficial and do so without any issues. There’s no reason why "
        "registrants shouldn’t keep on using it with confidence.",
    ]
    body = [
        _callout(
            _p(
                "From the Northern Ireland Social Care Council's digital skills resource for "
                "social workers: "
                + _link(NISCC_TOPIC_URL, "Standards of Conduct and Practice")
                + "."
            ),
            label="Source",
        ),
        _paragraph(_p(*(_text(text) for text in intro))),
        _standards([standard("niscc-2015", "5.9")], "NISCC Standards of Conduct and Practice"),
        _heading("Top tips for keeping yourself safe on-line"),
        _paragraph(
            _p(
                "The following are some top tips for using social media in a way which meets "
                "our standards:"
            )
        ),
        _list(tips),
        _heading("Reflective learning exercise"),
        _callout(
            _p(
                "Complete the exercise below and keep a record of your reflections.",
                "The exercise itself is on "
                + _link(NISCC_TOPIC_URL, "the NISCC page")
                + "; keep your reflections on it in your CPD record on this site.",
            ),
            label="Reflect",
        ),
        _heading("Useful additional reading"),
        _list(["Considerations for integrating technology into social work practice"]),
    ]
    return {
        "title": "Social media and the NISCC Standards of Conduct and Practice",
        "slug": "social-media-and-the-niscc-standards",
        "summary": (
            "How the Northern Ireland Social Care Council's standard 5.9 applies to social "
            "media, with NISCC's top tips for keeping yourself safe online."
        ),
        "body": body,
    }


def hcpc_social_media_guidance(standard):
    """Return the bite on the HCPC's 2017 social media guidance (seed 000)."""
    guidance_points = [
        "Think before you post. Assume that what you post could be shared and read by anyone.",
        "Think about who can see what you share and manage your privacy settings accordingly. "
        "Remember that privacy settings cannot guarantee that something you post will not be "
        "publicly visible.",
        "If you are employed, follow your employer’s social media policy.",
        "When in doubt, get advice. Appropriate sources might include experienced colleagues, "
        "trade unions and professional bodies.",
    ]
    body = [
        _callout(
            _p(
                "The HCPC published its guidance on social media in September 2017, when it "
                "regulated social workers in England. The guidance and standards below are "
                "quoted as reported by Locum Today in “HCPC launches guidance on using social "
                "media for social workers” (11 September 2017)."
            ),
            label="Source",
        ),
        _heading("What the guidance says"),
        _paragraph(
            _p(
                "“Do not post inappropriate or offensive material,” says the guidance. “Use "
                "your professional judgement in deciding whether to post or share something.”"
            )
        ),
        _list(guidance_points),
        _heading("The standards behind the guidance"),
        _paragraph(
            _p(
                "The HCPC’s standards of conduct, performance and ethics say: ‘You must use all "
                "forms of communication appropriately and responsibly, including social media "
                "and networking websites’. The social media guidance highlights that when using "
                "social media, you should apply the same standards as you would when "
                "communicating in other ways.",
                "Be polite and respectful, and avoid using language that others might "
                "reasonably consider to be inappropriate or offensive. Use your professional "
                "judgement in deciding whether to post or share something. Remember that "
                "comments or posts may be taken out of context, or made visible to a wider "
                "audience than originally intended.",
                "The standards also say: ‘You must make sure that your conduct justifies the "
                "public’s trust and confidence in you and your profession’. This means you need "
                "to think about who can see what you share. Make sure you understand the "
                "privacy settings of each social media channel that you use. Even on a "
                "completely personal account, your employer, colleagues or service users may be "
                "able to see your posts or personal information. “It is best to assume that "
                "anything you post online will be visible to everyone,” says the guidance.",
            )
        ),
        _standards(
            [standard("hcpc-2016", code) for code in ("2.7", "9.1", "9.3")],
            "HCPC standards of conduct, performance and ethics",
        ),
        _heading("Promoting your work and disclaimers"),
        _paragraph(
            _p(
                "The standards also state that social workers should ensure that any "
                "promotional activities you are involved in are accurate and are not likely to "
                "mislead. The guidance states that if you use social media to advertise or "
                "share information related to your professional practice, you must make sure it "
                "is fair and true, as far as you know. You may choose to include a disclaimer "
                "on your profile that your views are your own, and that they do not represent "
                "the views of your employer or anyone who contracts your services, the "
                "regulator adds."
            )
        ),
        {
            "type": "quotation",
            "value": {
                "quote": "Keep on posting! We know that many registrants find using social "
                "media beneficial and do so without any issues. There’s no reason why you "
                "shouldn’t keep on using it with confidence.",
                "attribution": "HCPC, Guidance on social media (2017)",
            },
        },
        {
            "type": "references",
            "value": {
                "heading": "References",
                "references": [
                    {
                        "citation": "Locum Today (2017). HCPC launches guidance on using social "
                        "media for social workers. Published 11 September 2017.",
                        "url": "",
                    }
                ],
            },
        },
    ]
    return {
        "title": "HCPC guidance on using social media",
        "slug": "hcpc-guidance-on-using-social-media",
        "summary": (
            "What the HCPC's 2017 guidance told registrants about posting, privacy settings, "
            "promotion and disclaimers, and the standards it rested on."
        ),
        "body": body,
    }


BITES = [social_workers_social_media, niscc_social_media, hcpc_social_media_guidance]

"""The "Social workers - social media" bite (seed 003, footnotes read from seed 001)."""

from .blocks import (
    callout_block,
    heading_block,
    link,
    list_block,
    paragraph_block,
    paras,
    standards_block,
)


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
        callout_block(
            paras(
                "this knowledge bite should be read in conjunction with the Use of Texts and "
                "Social Media &amp; Staying Safe Online training on MySkills."
            )
        ),
        heading_block("General issues"),
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
        list_block(general_issues),
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
        heading_block("Published guidelines and standards"),
        paragraph_block(
            paras(
                link(
                    "http://www.hcpc-uk.org/Assets/documents/100035B7Social_media_guidance.pdf",
                    "The HCPC's broad guidelines for social workers on using social media",
                )
            )
        ),
        standards_block(
            [standard("hcpc-2008", code) for code in ("1", "2", "3", "13")],
            "Relevant HCPC Registrant standards",
        ),
        paragraph_block(
            paras(link("http://cdn.basw.co.uk/upload/basw_34634-1.pdf", "BASW social media policy"))
        ),
        heading_block("Good Practice"),
        callout_block(
            paras(
                "This list is not exhaustive and should be considered in conjunction with the "
                "following guides:"
            )
            + "<ul><li>"
            + link(
                f"{cc}/2014/09/11/simple-guide-protecting-social-media-privacy-facebook/",
                "Protecting social media privacy on Facebook",
            )
            + "</li><li>"
            + link(
                "http://www.saferinternet.org.uk/advice-and-resources/parents-and-carers/"
                "safety-tools-on-online-services",
                "UK Safer Internet Centre safety tools",
            )
            + "</li></ul>"
        ),
        list_block(good_practice, style="numbered"),
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

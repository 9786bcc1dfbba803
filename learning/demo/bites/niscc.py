"""The bite from NISCC's page on social media (seed 004)."""

from .blocks import (
    NISCC_TOPIC_URL,
    callout_block,
    escaped,
    heading_block,
    link,
    list_block,
    paragraph_block,
    paras,
    standards_block,
)


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
        callout_block(
            paras(
                "From the Northern Ireland Social Care Council's digital skills resource for "
                "social workers: "
                + link(NISCC_TOPIC_URL, "Standards of Conduct and Practice")
                + "."
            ),
            label="Source",
        ),
        paragraph_block(paras(*(escaped(text) for text in intro))),
        standards_block([standard("niscc-2015", "5.9")], "NISCC Standards of Conduct and Practice"),
        heading_block("Top tips for keeping yourself safe on-line"),
        paragraph_block(
            paras(
                "The following are some top tips for using social media in a way which meets "
                "our standards:"
            )
        ),
        list_block(tips),
        heading_block("Reflective learning exercise"),
        callout_block(
            paras(
                "Complete the exercise below and keep a record of your reflections.",
                "The exercise itself is on "
                + link(NISCC_TOPIC_URL, "the NISCC page")
                + "; keep your reflections on it in your CPD record on this site.",
            ),
            label="Reflect",
        ),
        heading_block("Useful additional reading"),
        list_block(["Considerations for integrating technology into social work practice"]),
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

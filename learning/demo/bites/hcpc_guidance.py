"""The bite on the HCPC's 2017 social media guidance (seed 000)."""

from .blocks import (
    callout_block,
    heading_block,
    list_block,
    paragraph_block,
    paras,
    standards_block,
)


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
        callout_block(
            paras(
                "The HCPC published its guidance on social media in September 2017, when it "
                "regulated social workers in England. The guidance and standards below are "
                "quoted as reported by Locum Today in “HCPC launches guidance on using social "
                "media for social workers” (11 September 2017)."
            ),
            label="Source",
        ),
        heading_block("What the guidance says"),
        paragraph_block(
            paras(
                "“Do not post inappropriate or offensive material,” says the guidance. “Use "
                "your professional judgement in deciding whether to post or share something.”"
            )
        ),
        list_block(guidance_points),
        heading_block("The standards behind the guidance"),
        paragraph_block(
            paras(
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
        standards_block(
            [standard("hcpc-2016", code) for code in ("2.7", "9.1", "9.3")],
            "HCPC standards of conduct, performance and ethics",
        ),
        heading_block("Promoting your work and disclaimers"),
        paragraph_block(
            paras(
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

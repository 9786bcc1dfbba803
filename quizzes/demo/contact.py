"""Demo questions on contact: service users, a colleague's post, a hate site."""

from .common import (
    HCPC_2008_2,
    NISCC_5_9,
    RATE_EACH,
    SELECT_ALL,
    SWE_1_7,
    SWE_2_2,
    SWE_2_3,
    SWE_5_6,
    option,
    question,
    rated,
)

FRIEND_REQUEST = question(
    "single_best_answer",
    "Last year you supported Jordan, a 16-year-old, through a difficult time. Your work with "
    "the family ended months ago. Tonight Jordan sends a friend request to your personal "
    "Facebook account, with a message saying you were the only worker who listened.",
    "What should you do?",
    [
        option(
            "Don't accept the request, even though you no longer work with Jordan.",
            "Right. The bite advises against accepting friend or follow requests on personal "
            "accounts from service users, even those you no longer work with: Jordan may need "
            "services again, and Social Work England standard 2.3 asks you to maintain "
            "professional relationships with people. If you're unsure how to handle the "
            "message, or Jordan keeps trying to contact you, talk to your manager.",
            SWE_2_3,
            NISCC_5_9,
            correct=True,
        ),
        option(
            "Accept it: the professional relationship has ended, so the boundary no longer "
            "applies.",
            "It's natural to want to stay in touch with someone you helped, but the bite's "
            "advice covers people you no longer work with too. Jordan or the family could "
            "come back to services, and NISCC standard 5.9 asks you not to use social media "
            "in a way that contravenes professional boundaries.",
            NISCC_5_9,
            SWE_2_3,
        ),
        option(
            "Accept it, but add Jordan to a restricted list so they only see your public posts.",
            "Restricting what Jordan sees still makes you friends on your personal account, "
            "which is the connection the guidance advises against. Lists and settings don't "
            "guarantee privacy either: a friend can pass on what they see.",
            SWE_2_3,
            NISCC_5_9,
        ),
        option(
            "Reply from your personal account to say you're glad things are going well, and "
            "leave the request pending.",
            "Your warmth is understandable, but a reply from your personal account starts a "
            "private conversation outside your professional role. Don't accept the request, "
            "and if you're worried about Jordan, tell your manager so the service can "
            "respond.",
            SWE_2_3,
        ),
    ],
)

FOLLOW_REQUEST = question(
    "situational_judgement",
    "Your Instagram account is private, so people have to ask to follow you. Dee, a mother "
    "you're working with now, sends you a follow request.",
    RATE_EACH,
    [
        rated(
            4,
            "Decline the request. If Dee mentions it, explain kindly that you don't connect "
            "with people you work with on your personal accounts.",
            "Very appropriate. A private account lets you decline requests, and that's what "
            "it's for here. A kind explanation helps Dee understand the role of a social "
            "worker in her life, as Social Work England standard 2.3 asks, without making her "
            "feel she did something wrong.",
            SWE_2_3,
            NISCC_5_9,
        ),
        rated(
            3,
            "Leave the request pending and don't mention it.",
            "Appropriate, as not accepting keeps the boundary. It's better still to decline "
            "and, if Dee raises it, explain why: an unanswered request can leave her unsure "
            "where she stands.",
            SWE_2_3,
        ),
        rated(
            2,
            "Decline, then tell Dee at your next visit that contacting you online is "
            "unacceptable and could be reported.",
            "Declining is right, but a stern warning can feel like a threat from someone with "
            "power in Dee's life and may harm your work together. Social Work England "
            "standard 1.7 asks you to use the power and authority you have responsibly; a "
            "kind, clear explanation keeps the boundary without that cost.",
            SWE_1_7,
            SWE_2_3,
        ),
        rated(
            1,
            "Accept: your account is private, so nothing you post is public anyway.",
            "Very inappropriate. A private account only protects you if you choose your "
            "followers: accepting Dee gives someone you work with a view of your personal "
            "life, and anything you post can be screenshotted and shared. NISCC standard 5.9 "
            "asks you not to use social media in a way that contravenes professional "
            "boundaries.",
            NISCC_5_9,
            SWE_2_3,
        ),
        rated(
            1,
            "Accept, and use Instagram messages to arrange your visits, as Dee finds that easier.",
            "Very inappropriate. Arranging work through your personal account mixes your "
            "private life with your professional role and goes around your employer's "
            "policy; NISCC standard 5.9 covers contravening organisational guidelines as well "
            "as professional boundaries. Use the ways of contacting families your employer "
            "provides.",
            NISCC_5_9,
            SWE_2_3,
        ),
    ],
)

COLLEAGUE_POST = question(
    "single_best_answer",
    "A colleague in your team posts on their public Facebook page: 'Finally! After months of "
    "work the court agreed with us today. One little boy is going to be safe tonight.' They "
    "don't name anyone, but the post is tagged with the town where your team works.",
    "What is the best thing to do?",
    [
        option(
            "Message your colleague privately today, suggesting they take the post down, and "
            "seek advice from your manager if you're still worried.",
            "Yes. A quiet word gets the post removed quickly without drawing more attention to "
            "it, because the family, or people who know them, could recognise the case even "
            "without names. If the post stays up or you're unsure what to do, seek advice "
            "from your manager.",
            SWE_2_2,
            SWE_5_6,
            NISCC_5_9,
            correct=True,
        ),
        option(
            "Leave it: no one is named, so confidentiality isn't broken.",
            "Leaving out names isn't enough: the date, place and outcome can be enough to "
            "recognise a family, and a social worker who posted about a child protection case "
            "received a 12-month conditions of practice order. The bite quotes the HCPC's "
            "2008 standard 2, “You must respect the confidentiality of service users”; today "
            "Social Work England standard 2.2 asks you to “respect and maintain people's "
            "dignity and privacy”.",
            SWE_2_2,
            HCPC_2008_2,
        ),
        option(
            "Comment under the post to remind them about confidentiality.",
            "Your instinct to act is right, but a public comment draws more people to the "
            "post, which makes the family's loss of privacy worse, and may embarrass your "
            "colleague. A private message does the job better.",
            SWE_2_2,
        ),
        option(
            "Share a screenshot in your team's group chat so everyone knows what not to do.",
            "A screenshot copies the family's private information to more people and keeps it "
            "even after the post is deleted. Speak to your colleague, or to your manager, "
            "instead.",
            SWE_2_2,
            SWE_5_6,
        ),
    ],
)

HATE_SITE = question(
    "multiple_response",
    "You search for your name online, as you do every few months. You find a page on a "
    "'social work hate site' with your name, your photo and the team you work in, alongside "
    "angry comments from a parent you're working with.",
    f"Which of these should you do? {SELECT_ALL}",
    [
        option(
            "Tell your manager and ask for your employer's advice and support.",
            "Yes. Finding yourself on a site like this is upsetting, and it isn't your fault. "
            "Your employer needs to know, can advise you and may be able to help get the "
            "content taken down.",
            correct=True,
        ),
        option(
            "Seek advice from your trade union or professional body.",
            "Yes. The guidance names experienced colleagues, trade unions and professional "
            "bodies as places to get advice when you're unsure, and they can support you "
            "alongside your employer.",
            correct=True,
        ),
        option(
            "Keep searching for your name regularly to see what's out there about you.",
            "Yes. Searching for your name regularly on public search engines is one of the "
            "bite's good-practice points: it's how you found this page, and it will show you "
            "if anything new appears.",
            correct=True,
        ),
        option(
            "Check your privacy settings and what anyone can see on your own accounts.",
            "Yes. The bite advises reviewing your privacy settings on every site, because "
            "they change; it limits what can be found about you and your family. Settings "
            "reduce what others can see, but they can't guarantee privacy.",
            correct=True,
        ),
        option(
            "Reply on the site to put the record straight.",
            "It's natural to want to defend yourself, but replying is likely to escalate "
            "things, and anything you say about the family's situation would be public. "
            "Social Work England standard 2.2 still asks you to “respect and maintain people's "
            "dignity and privacy”, even when they've criticised you.",
            SWE_2_2,
            SWE_5_6,
            NISCC_5_9,
        ),
        option(
            "Post about the parent on your own account, so your friends know the truth.",
            "Even on your own account, this puts details of a family's case on social media, "
            "one of the risks the bite describes. Social Work England standard 5.6 asks you "
            "not to use social media in a way that brings the profession into disrepute; "
            "talk it through with your manager or union instead.",
            SWE_5_6,
            SWE_2_2,
            NISCC_5_9,
        ),
    ],
)

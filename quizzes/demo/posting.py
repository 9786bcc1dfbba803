"""Demo questions on what you post: comments, pictures, anger, and using social media."""

from .common import (
    HCPC_2024_2_10,
    NISCC_5_9,
    RATE_EACH,
    SELECT_ALL,
    SWE_2_2,
    SWE_4_2,
    SWE_5_6,
    option,
    question,
    rated,
)

FRIENDS_PHOTO = question(
    "single_best_answer",
    "An old school friend, who has nothing to do with your work, posts photos from a night "
    "out. Their account is public. You want to add a jokey comment under one of the photos.",
    "Before you comment, what is the most important thing to bear in mind?",
    [
        option(
            "Because their account is public, anyone can see your comment, whatever your own "
            "privacy settings are.",
            "Right. Who can see a comment depends on the account you comment on, not on your "
            "own settings, so treat a comment on a public post as public. Ask yourself "
            "whether you'd be happy for the people you work with to read it.",
            SWE_5_6,
            NISCC_5_9,
            HCPC_2024_2_10,
            correct=True,
        ),
        option(
            "Your own privacy settings decide who sees your comments, so it's fine if your "
            "account is private.",
            "Your settings don't control comments you leave on other people's posts: on a "
            "public post, your comment and your name can be seen by anyone. It's still worth "
            "reviewing your own settings regularly.",
            SWE_5_6,
        ),
        option(
            "A comment on a friend's post is a private conversation, so professional "
            "standards don't apply.",
            "Social Work England standard 5.6 and NISCC standard 5.9 are about your use of "
            "social media, not only work accounts. Even on a completely personal account, "
            "your employer, colleagues or the people you work with may see what you write.",
            SWE_5_6,
            NISCC_5_9,
        ),
        option(
            "Using a nickname on your profile means the comment can't be linked to you.",
            "Many people use a nickname for privacy, which is a reasonable choice, but people "
            "who know you can still recognise you from your photo, friends or what you write. "
            "It's safest to assume that anything you post could be seen by anyone.",
            SWE_5_6,
            NISCC_5_9,
        ),
    ],
)

PROFILE_PICTURE = question(
    "single_best_answer",
    "You're choosing a new profile picture for your personal Facebook account. On many "
    "sites your profile picture can be seen by anyone who finds your profile, even when your "
    "posts are set to 'Friends'.",
    "Which picture is the best choice?",
    [
        option(
            "A photo you'd be comfortable with anyone seeing, including the people you work "
            "with and your employer.",
            "Right. The bite asks you to consider what your profile picture might say about "
            "you, and because it may be public whatever your settings, choose one anyone "
            "could see. Social Work England standard 5.6 and NISCC standard 5.9 cover what "
            "you share on social media, pictures included.",
            SWE_5_6,
            NISCC_5_9,
            correct=True,
        ),
        option(
            "A photo of you wearing your work ID badge, so people can see you're a social worker.",
            "Being open about your profession is fine, but a visible ID badge shows exactly "
            "where you work and makes you easier to find for anyone looking for you, "
            "including people who post on hate sites. Your employer's social media policy may "
            "say more about this.",
        ),
        option(
            "A funny photo of you drinking at a party: your posts are private, so it doesn't "
            "matter.",
            "Your profile picture may be visible to anyone, whatever your post settings, and "
            "a picture that's fine among friends can look different to a family you work "
            "with. The bite's rule of thumb applies: never post anything you wouldn't want "
            "your work colleagues to see.",
            SWE_5_6,
            NISCC_5_9,
        ),
        option(
            "A photo of your children in their school uniform.",
            "It's natural to want to share your family, but a public photo that shows your "
            "children's school could help someone who is angry about your work to find them. "
            "Choose a picture that doesn't show where you or your family can be found.",
        ),
    ],
)

ANGRY_POST = question(
    "situational_judgement",
    "It's late, and you're angry and upset after a home visit where a parent shouted at you "
    "and made threats. You've typed a post for your personal account: 'Some people don't "
    "deserve their kids. Worst visit ever.'",
    RATE_EACH,
    [
        rated(
            4,
            "Delete the draft and talk it through with your manager or a trusted colleague "
            "tomorrow.",
            "Very appropriate. NISCC's top tips say don't post when angry or emotional. Your "
            "manager needs to know about threats anyway, and Social Work England standard 4.2 "
            "asks you to use supervision and feedback to critically reflect.",
            SWE_4_2,
            NISCC_5_9,
        ),
        rated(
            3,
            "Save the draft and decide in the morning whether you'd be happy to see it "
            "printed in a newspaper.",
            "Appropriate, but not ideal. Waiting until you're calm and using NISCC's "
            "newspaper test are good habits, but a post judging a family you work with won't "
            "pass it, and talking to your manager gets you support after the threats.",
            NISCC_5_9,
        ),
        rated(
            3,
            "Post 'Tough day. Looking forward to the weekend.' instead.",
            "Appropriate, but not ideal. Nothing in it identifies anyone and it passes the "
            "newspaper test, but you're still upset, and a post doesn't get you the support "
            "you need after threats at a visit.",
            NISCC_5_9,
        ),
        rated(
            2,
            "Send the draft as a private message to a friend outside work instead.",
            "Inappropriate, but not awful: it's less public than a post, but a message can be "
            "screenshotted and forwarded, and this one judges a family you work with. Talking "
            "it through with your manager or a colleague gets you support without that risk.",
            SWE_2_2,
            NISCC_5_9,
        ),
        rated(
            1,
            "Post it publicly: it doesn't name the family, and people should know what social "
            "workers face.",
            "Very inappropriate. The family, or people who know them, could recognise the "
            "visit, and a post like this could bring the profession into disrepute, which "
            "Social Work England standard 5.6 asks you to avoid. Helping people understand "
            "the job is a good aim: do it calmly, without case details.",
            SWE_5_6,
            SWE_2_2,
            NISCC_5_9,
            HCPC_2024_2_10,
        ),
    ],
)

USING_SOCIAL_MEDIA = question(
    "multiple_response",
    "A newly qualified colleague tells you they're deleting all their social media accounts: "
    "'After hearing about social workers being sanctioned, it's not worth the risk. You "
    "should do the same.'",
    f"Which of these are in line with the guidance? {SELECT_ALL}",
    [
        option(
            "Many registrants use social media without any problems, and there's no reason "
            "not to keep using it with confidence.",
            "Yes. The HCPC's 2017 guidance and NISCC's top tips both say many registrants find "
            "social media beneficial and use it without issues. Fear of sanction is common, "
            "and the bite lists it as a risk in its own right, because anxiety can push "
            "people away from something useful.",
            SWE_5_6,
            NISCC_5_9,
            correct=True,
        ),
        option(
            "Sharing good practice on appropriate platforms can benefit social work and raise "
            "the profile of the profession.",
            "Yes. The bite says sharing best practice on appropriate platforms can be hugely "
            "beneficial, and the HCPC's guidance says social media can help the public "
            "understand what you do and raise the profile of the profession.",
            correct=True,
        ),
        option(
            "When you're unsure whether to post something, seek advice from an experienced "
            "colleague, your union or your professional body.",
            "Yes. 'When in doubt, seek advice' is one of NISCC's top tips, and the HCPC's "
            "guidance says the same. Your employer's social media policy is worth reading "
            "too.",
            correct=True,
        ),
        option(
            "The standards say social workers shouldn't have personal social media accounts.",
            "No standard says that. Social Work England standard 5.6, NISCC standard 5.9 and, "
            "for HCPC registrants, HCPC standard 2.10 are about how you use social media, not "
            "whether you use it.",
            SWE_5_6,
            NISCC_5_9,
            HCPC_2024_2_10,
        ),
        option(
            "If you use a private account under a nickname, the standards don't apply to it.",
            "Privacy settings and nicknames reduce who can see or identify you, but they can't "
            "guarantee it, and the standards cover your use of social media whatever account "
            "you use. The safest habit is to post only what you'd be happy for anyone to see.",
            SWE_5_6,
            NISCC_5_9,
        ),
    ],
)

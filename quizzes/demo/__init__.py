"""The demo quiz for the "Social workers - social media" knowledge bite.

The scenarios are our own, grounded in the bite (seed 003: its four risks and eight
good-practice points), NISCC's top tips (seed 004) and the HCPC's 2017 guidance as reported
in seed 000. Feedback names a standard as "<regulator> standard <code>" and quotes it only
in “curly quotes”, word for word from the loaded statement; tests check both.
docs/content-sources.md ("Demo quiz") lists each question's grounding and standards.
"""

from wagtail.models import Page

from ..models import Attempt, FeedbackTiming, QuizPage
from ..services import attempt_answer_save, attempt_start, attempt_submit
from .contact import COLLEAGUE_POST, FOLLOW_REQUEST, FRIEND_REQUEST, HATE_SITE
from .posting import ANGRY_POST, FRIENDS_PHOTO, PROFILE_PICTURE, USING_SOCIAL_MEDIA

SLUG = "check-your-understanding"
TITLE = "Check your understanding: social media"
INTRO = (
    "<p>Eight short scenarios from everyday practice, based on this knowledge bite. Some ask "
    "for one answer, some for every answer that applies, and some ask you to rate how "
    "appropriate several responses are. At the end you'll see feedback on each answer and the "
    "standards it relates to. You need 70% to pass, and you can try again as often as you "
    "like.</p>"
)

QUESTIONS = [
    FRIEND_REQUEST,
    FOLLOW_REQUEST,
    COLLEAGUE_POST,
    HATE_SITE,
    FRIENDS_PHOTO,
    PROFILE_PICTURE,
    ANGRY_POST,
    USING_SOCIAL_MEDIA,
]


def _standard_id(*, home, framework, standard):
    url_path = f"{home.url_path}standards/{framework}/{standard}/"
    page = Page.objects.live().filter(url_path=url_path).select_related("content_type").first()
    if page is None or page.content_type.model != "standardpage":
        raise LookupError(f"The demo quiz cites {url_path}, which is not a live standard.")
    return page.pk


def questions_with_standard_ids(*, home):
    """Return QUESTIONS as StreamField raw data, each cited standard replaced by its page id."""
    ids = {}

    def resolve(key):
        if key not in ids:
            ids[key] = _standard_id(home=home, framework=key[0], standard=key[1])
        return ids[key]

    return [
        {
            "type": question["type"],
            "value": {
                **question["value"],
                "options": [
                    {**option, "standards": [resolve(key) for key in option["standards"]]}
                    for option in question["value"]["options"]
                ],
            },
        }
        for question in QUESTIONS
    ]


def load_demo_quiz(*, bite):
    """Return the bite's demo quiz, creating and publishing it if it is missing."""
    quiz = QuizPage.objects.child_of(bite).filter(slug=SLUG).first()
    if quiz is not None:
        return quiz
    home = bite.get_parent().get_parent()  # home -> knowledge bites index -> bite
    stream_block = QuizPage._meta.get_field("questions").stream_block
    raw = questions_with_standard_ids(home=home)
    # Run the editors' validation (one right answer per single-best question, and so on).
    stream_block.clean(stream_block.to_python(raw))
    quiz = QuizPage(
        title=TITLE,
        slug=SLUG,
        intro=INTRO,
        pass_mark=70,
        attempts_allowed=None,
        feedback_timing=FeedbackTiming.AT_END,
        shuffle_options=True,
        ask_confidence=False,
        questions=raw,
    )
    bite.add_child(instance=quiz)
    quiz.save_revision().publish()
    return quiz


def demo_attempt_submit(*, user, quiz_id, wrong_every):
    """Submit one attempt for the user, if they have none, missing every n-th question."""
    if Attempt.objects.filter(user=user, quiz_id=quiz_id).exists():
        return
    attempt = attempt_start(user=user, quiz_id=quiz_id)
    for number, question in enumerate(attempt.snapshot["questions"], 1):
        right = number % wrong_every != 0
        if question["type"] == "situational_judgement":
            ratings = {
                o["id"]: o["expert_rating"] if right else 5 - o["expert_rating"]
                for o in question["options"]
            }
            attempt_answer_save(
                attempt_id=attempt.id, user=user, question_id=question["id"], ratings=ratings
            )
        else:
            chosen = [o["id"] for o in question["options"] if o["correct"] == right]
            attempt_answer_save(
                attempt_id=attempt.id,
                user=user,
                question_id=question["id"],
                selected=chosen if question["type"] == "multiple_response" else chosen[:1],
            )
    attempt_submit(attempt_id=attempt.id, user=user)

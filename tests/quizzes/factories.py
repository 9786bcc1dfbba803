"""Factories for quizzes: a QuizPage with questions of every type, built from raw data."""

import uuid

import factory
import wagtail_factories

from quizzes.models import QuizPage


def option(text, correct=False, feedback=None, standards=(), option_id=None):
    return {
        "type": "item",
        "id": option_id or str(uuid.uuid4()),
        "value": {
            "text": text,
            "correct": correct,
            "feedback": f"<p>{feedback or 'Because ' + text}</p>",
            "standards": [s.pk for s in standards],
        },
    }


def rated(text, rating, standards=()):
    return {
        "type": "item",
        "id": str(uuid.uuid4()),
        "value": {
            "text": text,
            "expert_rating": str(rating),
            "feedback": f"<p>Rated {rating}: {text}</p>",
            "standards": [s.pk for s in standards],
        },
    }


def question(kind, prompt, options, scenario="<p>A scenario.</p>"):
    return {
        "type": kind,
        "id": str(uuid.uuid4()),
        "value": {"scenario": scenario, "prompt": prompt, "options": options},
    }


def single(prompt="Which is best?", standards=()):
    return question(
        "single_best_answer",
        prompt,
        [option("Right", True, standards=standards), option("Wrong"), option("Also wrong")],
    )


def multiple(prompt="Which apply?"):
    return question(
        "multiple_response",
        prompt,
        [option("Yes A", True), option("Yes B", True), option("No C"), option("No D")],
    )


def judgement(prompt="Rate each response."):
    return question(
        "situational_judgement", prompt, [rated("Talk to them", 4), rated("Ignore it", 1)]
    )


class QuizPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = QuizPage

    title = factory.Sequence(lambda n: f"Quiz {n}")
    pass_mark = 70
    shuffle_options = False
    questions = factory.LazyFunction(lambda: [single(), multiple(), judgement()])

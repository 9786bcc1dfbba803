"""Build the snapshot an attempt keeps: everything the learner sees, and the key."""

import random

from wagtail.rich_text import expand_db_html

from learning import api as learning_api


def _standard_ids(questions):
    return {
        standard.id
        for question in questions
        for option in question.value["options"]
        for standard in option["standards"]
        if standard is not None
    }


def _standard_dict(ref):
    return {
        "id": ref.id,
        "code": ref.code,
        "statement": ref.statement,
        "url": ref.url,
        "framework": ref.framework_title,
    }


def quiz_snapshot(*, quiz, shuffle_seed=None):
    """Return the JSON-ready snapshot of a quiz's live content for a new attempt.

    Options are shuffled per attempt when the quiz says so; the question order is kept.
    """
    questions = list(quiz.questions)
    standards = {
        ref.id: _standard_dict(ref)
        for ref in learning_api.standards_by_ids(_standard_ids(questions))
    }
    shuffler = random.Random(shuffle_seed)  # noqa: S311 - order, not security
    snapshot_questions = []
    for question in questions:
        options = []
        for option in question.value["options"].bound_blocks:
            value = option.value
            options.append(
                {
                    "id": option.id,
                    "text": value["text"],
                    "correct": bool(value.get("correct")),
                    "expert_rating": int(value["expert_rating"])
                    if "expert_rating" in value
                    else None,
                    "feedback": expand_db_html(value["feedback"].source),
                    "standards": [
                        standards[s.id]
                        for s in value["standards"]
                        if s is not None and s.id in standards
                    ],
                }
            )
        if quiz.shuffle_options:
            shuffler.shuffle(options)
        snapshot_questions.append(
            {
                "id": question.id,
                "type": question.block_type,
                "scenario": expand_db_html(question.value["scenario"].source),
                "prompt": question.value["prompt"],
                "options": options,
            }
        )
    return {
        "quiz": {
            "id": quiz.id,
            "title": quiz.title,
            "pass_mark": quiz.pass_mark,
            "feedback_timing": quiz.feedback_timing,
            "ask_confidence": quiz.ask_confidence,
            "revision_id": quiz.live_revision_id,
        },
        "questions": snapshot_questions,
    }

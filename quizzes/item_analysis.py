"""Read the data for a quiz's item analysis: one query for the answers, a few for labels."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from learning import api as learning_api

from . import statistics
from .models import Answer, AttemptStatus

FLAG_LABELS = {
    "too_hard": _("Too hard"),
    "too_easy": _("Too easy"),
    "negative_discrimination": _("Discriminates negatively"),
    "low_discrimination": _("Discriminates poorly"),
    "low_discriminative_efficiency": _("Low discriminative efficiency"),
}


@dataclass
class QuestionRow:
    number: int
    prompt: str
    kind: str
    stats: statistics.QuestionStats
    options: list  # (option text, OptionFrequency)
    flags: list


def _attempt_rows(quiz):
    """Return the statistics input: one dict per submitted attempt, from one query."""
    attempts = {}
    answers = Answer.objects.filter(
        attempt__quiz=quiz, attempt__status=AttemptStatus.SUBMITTED
    ).values_list("attempt_id", "question_id", "score", "response")
    for attempt_id, question_id, score, response in answers.iterator(chunk_size=2000):
        row = attempts.setdefault(
            attempt_id, {"attempt_id": attempt_id, "scores": {}, "responses": {}}
        )
        row["scores"][question_id] = (float(score), 1.0)
        row["responses"][question_id] = response.get("selected", [])
    return list(attempts.values())


def quiz_item_analysis(*, quiz):
    """Return the test statistics, per-question rows and per-standard means for a quiz.

    Questions are labelled from the quiz as it is now; answers to questions since removed
    are still counted, under "Removed question".
    """
    attempts = _attempt_rows(quiz)
    current = {block.id: block for block in quiz.questions}
    options = {
        qid: [o.id for o in block.value["options"].bound_blocks] for qid, block in current.items()
    }
    option_text = {
        o.id: o.value["text"]
        for block in current.values()
        for o in block.value["options"].bound_blocks
    }
    standards_by_question = {
        qid: {
            s.id for option in block.value["options"] for s in option["standards"] if s is not None
        }
        for qid, block in current.items()
    }
    order = {qid: n for n, qid in enumerate(current, 1)}
    rows = []
    for stats in statistics.question_statistics(attempts, options=options):
        block = current.get(stats.question_id)
        rows.append(
            QuestionRow(
                number=order.get(stats.question_id, 0),
                prompt=block.value["prompt"] if block else _("Removed question"),
                kind=block.block.meta.label if block else "",
                stats=stats,
                options=[
                    (option_text.get(option_id, _("Removed option")), frequency)
                    for option_id, frequency in stats.option_frequencies.items()
                ],
                flags=[FLAG_LABELS.get(flag, flag) for flag in stats.flags],
            )
        )
    rows.sort(key=lambda row: (row.number == 0, row.number))
    standard_refs = {
        ref.id: ref
        for ref in learning_api.standards_by_ids(
            {sid for ids in standards_by_question.values() for sid in ids}
        )
    }
    standards = [
        (standard_refs[s.standard_id], s)
        for s in statistics.standard_statistics(attempts, standards_by_question)
        if s.standard_id in standard_refs
    ]
    return {
        "overall": statistics.quiz_statistics(attempts),
        "questions": rows,
        "standards": standards,
    }

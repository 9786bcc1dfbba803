"""Question blocks: a quiz's questions are a StreamField of these.

Every question and every option gets a stable id from Wagtail (the block's UUID), which
attempts record; the learner's view is snapshotted when an attempt starts.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

FEEDBACK_FEATURES = ["bold", "italic", "link", "ul", "ol"]
SCENARIO_FEATURES = ["bold", "italic", "ul", "ol"]

# Situational-judgement ratings, most appropriate first (the order learners see).
RATING_SCALE = [
    (4, _("Very appropriate")),
    (3, _("Appropriate, but not ideal")),
    (2, _("Inappropriate, but not awful")),
    (1, _("Very inappropriate")),
]


def standards_list():
    return blocks.ListBlock(
        blocks.PageChooserBlock(page_type="learning.StandardPage", label=_("Standard")),
        min_num=0,
        required=False,
        label=_("Standards"),
        help_text=_("The standards this option relates to."),
    )


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=400, label=_("Option"))
    correct = blocks.BooleanBlock(
        required=False, label=_("Right answer"), help_text=_("Tick for a right answer.")
    )
    feedback = blocks.RichTextBlock(features=FEEDBACK_FEATURES, label=_("Feedback"))
    standards = standards_list()

    class Meta:
        label = _("Option")


class RatedOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=400, label=_("Response"))
    expert_rating = blocks.ChoiceBlock(
        choices=[(str(value), label) for value, label in RATING_SCALE],
        label=_("Expert rating"),
        help_text=_("The expert key: how appropriate this response is."),
    )
    feedback = blocks.RichTextBlock(features=FEEDBACK_FEATURES, label=_("Feedback"))
    standards = standards_list()

    class Meta:
        label = _("Response")


class QuestionBlock(blocks.StructBlock):
    scenario = blocks.RichTextBlock(features=SCENARIO_FEATURES, label=_("Scenario"))
    prompt = blocks.CharBlock(
        max_length=300, label=_("Question"), help_text=_("The question the learner answers.")
    )

    class Meta:
        template = "quizzes/blocks/question_preview.html"


def _option_errors(message):
    return StructBlockValidationError(block_errors={"options": ValidationError(message)})


class SingleBestAnswerBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=8, label=_("Options"))

    class Meta:
        icon = "radio-full"
        label = _("Single best answer")
        preview_value = {
            "scenario": "<p>A young person you supported last year sends you a friend request.</p>",
            "prompt": "What should you do?",
            "options": [
                {
                    "text": "Decline it",
                    "correct": True,
                    "feedback": "<p>Right.</p>",
                    "standards": [],
                },
                {"text": "Accept it", "correct": False, "feedback": "<p>No.</p>", "standards": []},
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for option in value["options"] if option["correct"]) != 1:
            raise _option_errors(_("Mark exactly one option as the right answer."))
        return value


class MultipleResponseBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=10, label=_("Options"))

    class Meta:
        icon = "tick-inverse"
        label = _("Multiple response")
        preview_value = SingleBestAnswerBlock._meta_class.preview_value

    def clean(self, value):
        value = super().clean(value)
        if not any(option["correct"] for option in value["options"]):
            raise _option_errors(_("Mark at least one option as right."))
        return value


class SituationalJudgementBlock(QuestionBlock):
    options = blocks.ListBlock(RatedOptionBlock(), min_num=2, max_num=8, label=_("Responses"))

    class Meta:
        icon = "list-ol"
        label = _("Situational judgement")
        preview_value = {
            "scenario": "<p>A colleague posts about a case on Facebook.</p>",
            "prompt": "Rate how appropriate each response is.",
            "options": [
                {
                    "text": "Speak to them",
                    "expert_rating": "4",
                    "feedback": "<p>Yes.</p>",
                    "standards": [],
                },
                {
                    "text": "Ignore it",
                    "expert_rating": "1",
                    "feedback": "<p>No.</p>",
                    "standards": [],
                },
            ],
        }


class QuestionStreamBlock(blocks.StreamBlock):
    single_best_answer = SingleBestAnswerBlock()
    multiple_response = MultipleResponseBlock()
    situational_judgement = SituationalJudgementBlock()

    class Meta:
        min_num = 1

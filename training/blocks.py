"""A training module's steps: knowledge bites to read, a quiz to pass, a reflection."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ReflectionStepBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(
        max_length=300,
        label=_("Prompt"),
        help_text=_("What the learner should reflect on, e.g. the NISCC reflective exercise."),
    )

    class Meta:
        icon = "edit"
        label = _("Record a reflection")
        template = "training/blocks/step_preview.html"
        preview_value = {"prompt": "Reflect on how you use social media."}


class ModuleStepsBlock(blocks.StreamBlock):
    """A training module's steps, in order: bites to read, a quiz to pass, a reflection."""

    bite = blocks.PageChooserBlock(
        page_type="learning.KnowledgeBitePage",
        icon="doc-full",
        label=_("Read a knowledge bite"),
        template="training/blocks/step_preview.html",
    )
    quiz = blocks.PageChooserBlock(
        page_type="quizzes.QuizPage",
        icon="radio-full",
        label=_("Pass a quiz"),
        template="training/blocks/step_preview.html",
    )
    reflection = ReflectionStepBlock()

    class Meta:
        min_num = 1
        block_counts = {"quiz": {"max_num": 1}, "reflection": {"max_num": 1}}

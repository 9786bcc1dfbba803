"""The form for one question page, built from the attempt's snapshot of that question."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .blocks import RATING_SCALE
from .services import QuizError, clean_response

CONFIDENCE_CHOICES = [
    ("1", _("Not very sure")),
    ("2", _("Fairly sure")),
    ("3", _("Very sure")),
]


SELECT_ALL = _("Select all that apply.")


def without_select_all(prompt):
    """Return the prompt without a closing "Select all that apply.", which the hint says.

    Editors (and the demo) often end a multiple-response prompt with it; shown in both the
    legend and the hint, a screen reader would read it twice.
    """
    stripped = prompt.rstrip()
    for ending in {str(SELECT_ALL), "Select all that apply."}:
        if stripped.lower().endswith(ending.lower()):
            return stripped[: -len(ending)].rstrip() or prompt
    return prompt


def rating_field_name(option_id):
    return f"rating_{option_id}"


class QuestionForm(forms.Form):
    """Ask one snapshot question; once valid, `answer` holds the keyword arguments to save."""

    def __init__(self, *args, question, ask_confidence, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.ask_confidence = ask_confidence
        choices = [(option["id"], option["text"]) for option in question["options"]]
        layout = []
        if question["type"] == "single_best_answer":
            self.fields["answer"] = forms.ChoiceField(
                label=question["prompt"],
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Select an answer"),
                    "invalid_choice": _("Select one of the answers shown"),
                },
            )
            layout.append(Field.radios("answer", legend_size=Size.MEDIUM))
        elif question["type"] == "multiple_response":
            self.fields["answer"] = forms.MultipleChoiceField(
                label=without_select_all(question["prompt"]),
                help_text=SELECT_ALL,
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "required": _("Select at least one answer"),
                    "invalid_choice": _("Select only the answers shown"),
                },
            )
            layout.append(Field.checkboxes("answer", legend_size=Size.MEDIUM))
        else:
            for number, option in enumerate(question["options"], 1):
                name = rating_field_name(option["id"])
                self.fields[name] = forms.TypedChoiceField(
                    label=_("Response %(number)s: %(text)s")
                    % {"number": number, "text": option["text"]},
                    choices=[(str(v), label) for v, label in RATING_SCALE],
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": _("Rate response %(number)s") % {"number": number},
                        "invalid_choice": _(
                            "Choose a rating from the scale for response %(number)s"
                        )
                        % {"number": number},
                    },
                )
                layout.append(Field.radios(name, legend_size=Size.SMALL, small=True))
        if ask_confidence:
            self.fields["confidence"] = forms.ChoiceField(
                label=_("How sure are you of your answer?"),
                choices=CONFIDENCE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={"required": _("Say how sure you are of your answer")},
            )
            layout.append(Field.radios("confidence", legend_size=Size.SMALL, inline=True))
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(*layout, Button.primary("continue", _("Save and continue")))

    @classmethod
    def initial_from(cls, question, response):
        """Return initial data that shows a saved response again."""
        if not response:
            return {}
        initial = {}
        if "selected" in response:
            selected = response["selected"]
            initial["answer"] = (
                selected[0] if question["type"] == "single_best_answer" else selected
            )
        for option_id, rating in response.get("ratings", {}).items():
            initial[rating_field_name(option_id)] = str(rating)
        if response.get("confidence"):
            initial["confidence"] = str(response["confidence"])
        return initial

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        answer = cleaned.get("answer")
        selected = [answer] if isinstance(answer, str) else list(answer or [])
        ratings = {
            option["id"]: cleaned.get(rating_field_name(option["id"]))
            for option in self.question["options"]
        }
        self.answer = {
            "selected": selected,
            "ratings": ratings if self.question["type"] == "situational_judgement" else None,
            "confidence": cleaned.get("confidence"),
        }
        try:
            clean_response(
                question=self.question, ask_confidence=self.ask_confidence, **self.answer
            )
        except QuizError as error:
            raise ValidationError(str(error)) from None
        return cleaned

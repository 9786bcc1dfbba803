"""Reflective models as data: each names the record's three core questions its own way
and may add prompts of its own.

Every record keeps the same core fields (what it was, what I learnt, the impact), so
exports and the regulators' layouts read the same data whichever model the learner
chose; a model changes the questions asked and adds its extra prompts.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Prompt:
    key: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class ReflectiveModel:
    code: str
    name: str
    summary: str
    description: Prompt
    learning: Prompt
    impact: Prompt
    extra: tuple[Prompt, ...] = field(default_factory=tuple)


def _core(description, learning, impact):
    return {
        "description": Prompt("description", *description),
        "learning": Prompt("learning", *learning),
        "impact": Prompt("impact", *impact),
    }


MODELS = {
    model.code: model
    for model in (
        ReflectiveModel(
            code="free",
            name=_("Free text"),
            summary=_("Write in your own words."),
            **_core(
                (_("What was the activity and why is it relevant to your practice?"), ""),
                (_("What did you learn?"), ""),
                (
                    _(
                        "What difference will it make to your practice and to the people you work with?"
                    ),
                    "",
                ),
            ),
        ),
        ReflectiveModel(
            code="driscoll",
            name=_("Driscoll: What? So what? Now what?"),
            summary=_("Three questions: what happened, why it matters, and what you will do next."),
            **_core(
                (_("What?"), _("Describe the activity or event, and why you chose it.")),
                (
                    _("So what?"),
                    _("What did you learn? What does it mean for you and the people you support?"),
                ),
                (
                    _("Now what?"),
                    _(
                        "What will you do differently, and how will you know it has made a difference?"
                    ),
                ),
            ),
        ),
        ReflectiveModel(
            code="gibbs",
            name=_("Gibbs' reflective cycle (6 stages)"),
            summary=_("Description, feelings, evaluation, analysis, conclusion and action plan."),
            **_core(
                (_("Description"), _("What happened? Keep to the facts.")),
                (_("Conclusion"), _("What did you learn? What else could you have done?")),
                (
                    _("Action plan"),
                    _("What will you do if it happens again? What will you change?"),
                ),
            ),
            extra=(
                Prompt(
                    "feelings", _("Feelings"), _("What were you thinking and feeling at the time?")
                ),
                Prompt("evaluation", _("Evaluation"), _("What was good and what was not?")),
                Prompt(
                    "analysis",
                    _("Analysis"),
                    _("What sense can you make of it? What helped or hindered?"),
                ),
            ),
        ),
        ReflectiveModel(
            code="kolb",
            name=_("Kolb's learning cycle (4 stages)"),
            summary=_("Experience, reflection, new ideas, and trying them out."),
            **_core(
                (_("Concrete experience"), _("What did you do or see?")),
                (
                    _("Abstract conceptualisation"),
                    _("What have you learnt? Which ideas, theories or standards explain it?"),
                ),
                (_("Active experimentation"), _("How will you put this into practice?")),
            ),
            extra=(
                Prompt(
                    "observation",
                    _("Reflective observation"),
                    _("Looking back, what did you notice?"),
                ),
            ),
        ),
        ReflectiveModel(
            code="swe",
            name=_("Social Work England CPD record"),
            summary=_("The questions a Social Work England CPD record asks."),
            **_core(
                (_("Describe the activity and why it is relevant to you"), ""),
                (_("What did you learn from doing the activity?"), ""),
                (
                    _(
                        "What positive impact has it had, or will it have, on your practice and the people you work with?"
                    ),
                    "",
                ),
            ),
        ),
        ReflectiveModel(
            code="niscc",
            name=_("NISCC reflective learning exercise"),
            summary=_(
                "NISCC asks you to complete its exercise and keep a record of your reflections."
            ),
            **_core(
                (
                    _("What did you read or do, and why is it relevant to your role?"),
                    _("For example, a NISCC page or exercise and the Standard it relates to."),
                ),
                (_("What have you learnt?"), ""),
                (
                    _(
                        "What will you do differently to keep yourself and the people you support safe?"
                    ),
                    "",
                ),
            ),
        ),
        ReflectiveModel(
            code="hcpc",
            name=_("HCPC CPD activity"),
            summary=_(
                "The HCPC's CPD standards ask how your learning improves your practice and "
                "benefits the people who use your service."
            ),
            **_core(
                (_("What was the activity, and what type of learning was it?"), ""),
                (_("What did you learn from it?"), ""),
                (
                    _(
                        "How has it improved your practice, and how does it benefit the people who use your service?"
                    ),
                    "",
                ),
            ),
        ),
        ReflectiveModel(
            code="scw",
            name=_("Social Care Wales learning record"),
            summary=_(
                "Social Care Wales asks you to keep a record of your learning and discuss it "
                "with your manager."
            ),
            **_core(
                (_("What was the learning, and why did you choose it?"), ""),
                (_("What did you learn?"), ""),
                (_("How has it helped your practice, and the people you support?"), ""),
            ),
        ),
    )
}
DEFAULT_MODEL = "driscoll"
CHOICES = [(model.code, model.name) for model in MODELS.values()]


def get_model(code) -> ReflectiveModel:
    return MODELS.get(code) or MODELS[DEFAULT_MODEL]


# The model that fits each regulator's registrants (accounts' RegulatorCode values).
REGULATOR_MODELS = {"swe": "swe", "hcpc": "hcpc", "niscc": "niscc", "scw": "scw"}
# How content names each regulator, to tell whose registrants a prompt was written for.
REGULATOR_NAMES = {
    "swe": ("Social Work England",),
    "hcpc": ("HCPC", "Health and Care Professions Council"),
    "niscc": ("NISCC", "Northern Ireland Social Care Council"),
    "scw": ("Social Care Wales",),
}
GENERAL_PROMPT = _("Record a reflection on what you learnt and what you will do differently.")


def model_for_regulator(regulator_code) -> ReflectiveModel:
    """Return the model that fits a registrant of this regulator (the default for none)."""
    return get_model(REGULATOR_MODELS.get(regulator_code or "", DEFAULT_MODEL))


def names_regulator(text, regulator_code) -> bool:
    """Return whether the text names this regulator ("NISCC", "Social Care Wales")."""
    return any(
        re.search(rf"\b{re.escape(name)}\b", text or "", re.IGNORECASE)
        for name in REGULATOR_NAMES.get(regulator_code, ())
    )


def prompt_for_regulator(prompt, regulator_code) -> str:
    """Return the editor's reflection prompt, or a general one when it was written for
    another regulator's registrants.

    A module may ask for "the NISCC reflective learning exercise"; a Social Work England
    registrant is asked for a reflection in general instead. Someone with no registration
    sees the prompt as written.
    """
    if not prompt:
        return str(GENERAL_PROMPT)
    if regulator_code and any(
        names_regulator(prompt, other) for other in REGULATOR_NAMES if other != regulator_code
    ):
        return str(GENERAL_PROMPT)
    return prompt

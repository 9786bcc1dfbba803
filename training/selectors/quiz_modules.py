"""Which training modules have a quiz as a step, for "Back to the module" on its result."""

from dataclasses import dataclass

from ..models import TrainingModulePage


@dataclass(frozen=True)
class QuizModule:
    id: int
    title: str
    url: str


def modules_with_quiz(*, quiz_id) -> list[QuizModule]:
    """Return the live modules whose steps include this quiz, by title.

    One query for the live modules; their steps are read from the StreamField's raw data
    in Python, the same way on SQLite and PostgreSQL (a site has tens of modules, not
    thousands). URLs come from Wagtail's cached site root paths, not the request, so
    that no query looks up the request's site.
    """
    modules = (
        TrainingModulePage.objects.live()
        .only("id", "title", "url_path", "steps")
        .order_by("title", "id")
    )
    return [
        QuizModule(id=module.id, title=module.title, url=module.get_url())
        for module in modules
        if any(
            step["type"] == "quiz" and step.get("value") and int(step["value"]) == quiz_id
            for step in module.steps.raw_data
        )
    ]

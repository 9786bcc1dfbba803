"""The demo training module: the social-media bite, its quiz and the NISCC exercise."""

from learning.models import TrainingIndexPage, TrainingModulePage

from .pages import child_page_get_or_create


def training_load(*, home, bite):
    """Create the Training index and the demo module when missing; return the module."""
    index = child_page_get_or_create(
        parent=home,
        model=TrainingIndexPage,
        slug="training",
        title="Training",
        intro="<p>Modules your manager may assign to you: read, test your judgement, reflect.</p>",
    )
    quiz = bite.get_children().live().first()
    steps = [{"type": "bite", "value": bite.id}]
    if quiz is not None:
        steps.append({"type": "quiz", "value": quiz.id})
    steps.append(
        {
            "type": "reflection",
            "value": {
                "prompt": "Complete the NISCC reflective learning exercise on social media and "
                "keep a record of your reflections."
            },
        }
    )
    return child_page_get_or_create(
        parent=index,
        model=TrainingModulePage,
        slug="social-media-and-professional-boundaries",
        title="Social media and professional boundaries",
        summary="Read the social media knowledge bite, check your understanding with its "
        "scenario quiz, and record a reflection.",
        estimated_minutes=45,
        refresher_months=12,
        steps=steps,
    )

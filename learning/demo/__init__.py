"""Load the demo: regulators, standards, knowledge bites and demo accounts.

Content comes from the client's source documents (shared/seeds) and the regulators'
published standards; docs/content-sources.md records every source.
"""

from dataclasses import dataclass, field

from django.db import transaction

from accounts.demo import DemoLogin, demo_users_load

from .pages import bites_load, home_page_get_or_create, regulators_load, standards_load


@dataclass
class DemoSummary:
    logins: list[DemoLogin] = field(default_factory=list)
    bite_urls: list[str] = field(default_factory=list)


@transaction.atomic
def load_demo(*, password) -> DemoSummary:
    """Create whatever part of the demo is missing and reset the demo passwords.

    Safe to run again: pages are found by slug under their parent, regulators by code,
    people by email, so a second run creates nothing new.
    """
    home = home_page_get_or_create()
    regulators = regulators_load()
    standards = standards_load(home=home, regulators=regulators)
    bites = bites_load(home=home, standards=standards)
    from quizzes.demo import load_demo_quiz  # imported here so the seam stays light

    social_media = next(b for b in bites if b.slug == "social-workers-social-media")
    load_demo_quiz(bite=social_media)
    from .training import (
        hcpc_module_load,
        hcpc_module_progress_load,
        training_demo_progress_load,
        training_load,
    )

    module = training_load(home=home, bite=social_media)
    hcpc_module = hcpc_module_load(
        home=home, bite=next(b for b in bites if b.slug == "hcpc-guidance-on-using-social-media")
    )
    logins = demo_users_load(password=password, home_page=home)
    from django.contrib.auth import get_user_model

    from accounts.demo import DEMO_TEAM
    from accounts.models import Team
    from reflections.demo import demo_records_load

    demo_records_load(owner=get_user_model().objects.get(email="practitioner1@example.com"))
    team = Team.objects.get(name=DEMO_TEAM)
    manager = team.managers.first()
    training_demo_progress_load(module=module, team=team, manager=manager)
    hcpc_module_progress_load(module=hcpc_module, team=team, manager=manager)
    from learning.services import team_summaries_refresh

    team_summaries_refresh()
    return DemoSummary(logins=logins, bite_urls=[bite.url for bite in bites])

"""Load the demo content: the home page, regulators, standards and knowledge bites.

Content comes from the client's source documents (shared/seeds) and the regulators'
published standards; docs/content-sources.md records every source. The whole demo (with
the quiz, accounts, records and training) is loaded by `manage.py load_demo`
(training/demo.py).
"""

from dataclasses import dataclass

from .pages import bites_load, home_page_get_or_create, regulators_load, standards_load


@dataclass(frozen=True)
class DemoContent:
    home: object  # HomePage
    bites: dict  # slug -> KnowledgeBitePage


def demo_content_load() -> DemoContent:
    """Create whatever part of the demo content is missing; return the home and the bites."""
    home = home_page_get_or_create()
    regulators = regulators_load()
    standards = standards_load(home=home, regulators=regulators)
    bites = bites_load(home=home, standards=standards)
    return DemoContent(home=home, bites={bite.slug: bite for bite in bites})

"""Create the demo page tree: home, standards, knowledge bites. Create only what is missing."""

from wagtail.models import Page, Site

from core.pages import child_page_get_or_create
from learning.models import (
    BiteIndexPage,
    FrameworkPage,
    HomePage,
    KnowledgeBitePage,
    Regulator,
    StandardPage,
    StandardsIndexPage,
)

from .bites import BITES
from .standards import (
    EQUIVALENTS,
    FRAMEWORKS,
    REGULATORS,
    standard_slug,
    standard_title,
)

SITE_NAME = "Social care CPD"
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


def home_page_get_or_create():
    """Return the HomePage as the default site's root, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    welcome = (
        root.get_children().filter(title=WAGTAIL_WELCOME_TITLE, content_type__model="page").first()
    )
    if home is None:
        if welcome is not None:
            # Free the "home" slug before the welcome page goes (it is deleted below).
            welcome.slug = "wagtail-welcome"
            welcome.save()
        home = child_page_get_or_create(
            parent=root,
            model=HomePage,
            slug="home",
            title=SITE_NAME,
            intro=(
                "<p>Short knowledge bites on social care practice, linked to the standards "
                "of the UK's social work and social care regulators.</p>"
            ),
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
        )
    elif site.root_page_id != home.id:
        site.root_page = home
        site.site_name = site.site_name or SITE_NAME
        site.save()
    if welcome is not None and not welcome.get_children().exists():
        welcome.delete()
    return home


def regulators_load():
    """Create the regulators missing from the database; return them by code."""
    regulators = {}
    for data in REGULATORS:
        fields = {k: v for k, v in data.items() if k not in ("code", "previous_regulator")}
        regulator, _ = Regulator.objects.get_or_create(code=data["code"], defaults=fields)
        regulators[data["code"]] = regulator
    for data in REGULATORS:
        previous = data["previous_regulator"]
        regulator = regulators[data["code"]]
        if previous and regulator.previous_regulator_id is None:
            regulator.previous_regulator = regulators[previous]
            regulator.save(update_fields=["previous_regulator"])
    return regulators


def standards_load(*, home, regulators):
    """Create the frameworks and standards; return {(framework key, code): StandardPage}."""
    index = child_page_get_or_create(
        parent=home,
        model=StandardsIndexPage,
        slug="standards",
        title="Standards",
        intro=(
            "<p>The standards of the regulators of social work and social care in the UK, "
            "including earlier versions that older learning materials still quote.</p>"
        ),
    )
    standards = {}
    for data in FRAMEWORKS:
        framework = child_page_get_or_create(
            parent=index,
            model=FrameworkPage,
            slug=data["key"],
            title=data["title"],
            regulator=regulators[data["regulator"]],
            version=data["version"],
            effective_from=data["effective_from"],
            superseded_on=data["superseded_on"],
            applies_to=data["applies_to"],
            intro=data["intro"],
            source_url=data["source_url"],
        )
        label = data.get("label", "Standard")
        for code, statement in data["standards"]:
            standards[(data["key"], code)] = child_page_get_or_create(
                parent=framework,
                model=StandardPage,
                slug=standard_slug(code),
                title=standard_title(code, statement, label=label),
                code=code,
                statement=statement,
            )
    equivalents_link(standards)
    return standards


def equivalents_link(standards):
    """Record each standard's current equivalents, publishing only when they change."""
    for key, targets in EQUIVALENTS.items():
        page = standards[key]
        wanted = {standards[target].pk for target in targets}
        if {p.pk for p in page.current_equivalents.all()} == wanted:
            continue
        page.current_equivalents.set([standards[target] for target in targets])
        page.save_revision().publish()


def bites_load(*, home, standards):
    """Create the knowledge bites; return them in the order of BITES."""
    index = child_page_get_or_create(
        parent=home,
        model=BiteIndexPage,
        slug="knowledge-bites",
        title="Knowledge bites",
        intro="<p>Short pieces of learning, each on one topic and the standards behind it.</p>",
    )

    def standard(framework_key, code):
        return standards[(framework_key, code)].pk

    bites = []
    for build in BITES:
        data = build(standard)
        bites.append(
            child_page_get_or_create(
                parent=index,
                model=KnowledgeBitePage,
                slug=data["slug"],
                title=data["title"],
                summary=data["summary"],
                body=data["body"],
            )
        )
    return bites

"""manage.py load_demo: complete, verbatim demo content; idempotent; never in production."""

import datetime
import html
import os
from io import StringIO
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.test import TestCase, override_settings
from wagtail.models import GroupPagePermission, Page, Revision, Site

from accounts.demo import DEFAULT_DEMO_PASSWORD, DEMO_TEAM
from accounts.models import Registration, Team, User
from accounts.permissions import EDITOR_GROUP, is_editor, is_manager
from learning.models import FrameworkPage, HomePage, KnowledgeBitePage, Regulator, StandardPage

DENISE_TURNER = (
    "The social networking genie is out of the bottle and whether it is Twitter, Facebook or "
    "sites that supersede them, the world of interpersonal relationships is now much wider "
    "than the pub and the supermarket"
)
RISKS = [
    "Service users contacting social workers via social media",
    "Social workers discussing cases on social media",
    "Service users posting details about social workers on 'Social work hate sites'",
    "Fear of sanction creates anxiety and alienation around use of social networking.",
]
GOOD_PRACTICE = [
    "Don't accept friend or follow requests on personal accounts from service users, even "
    "those with whom you are no longer working.",
    "Review your privacy settings on all social media sites. For example, Facebook regularly "
    "changes privacy settings without notifying users so it's worth checking your settings "
    "periodically",
    "On Twitter, you can set your account to private by selecting 'protect my tweets' so that "
    "you can accept or decline requests to follow you. Your Instagram account can also be made "
    "private.",
    "On Facebook, as well as ensuring that your posts can only be viewed by 'Friends', you can "
    "customise posts by limiting the information that certain people see. However, this does "
    "not guarantee privacy as a friend could pass on information to others",
    "Think carefully about commenting on friends' profiles or photos. If their account isn't "
    "private, your comments can be seen by anyone.",
    "Think before you post. Never post anything you wouldn't want your work colleagues to see.",
    "Consider what you profile picture might say about you.",
    "Search for your name regularly on public search engines to monitor your digital identity.",
]
STANDARD_13 = (
    "You must behave with honesty and integrity and make sure that your behaviour does not "
    "damage the public's confidence in you or your profession."
)
NISCC_5_9 = (
    "You must not use social media or social networking sites or other forms of electronic "
    "communication in a way that contravenes professional boundaries, organisational "
    "guidelines or the Social Care Council standards"
)


def load(**env):
    with mock.patch.dict(os.environ, env):
        call_command("load_demo", stdout=StringIO())


def blocks(page, block_type):
    return [block.value for block in page.body if block.block_type == block_type]


def standard(framework_slug, code):
    framework = FrameworkPage.objects.get(slug=framework_slug)
    return StandardPage.objects.child_of(framework).get(code=code)


class LoadDemoTwiceTests(TestCase):
    def counts(self):
        models = [Page, Revision, Regulator, User, Team, Registration, Group, GroupPagePermission]
        return {model.__name__: model.objects.count() for model in models} | {
            "members": Team.objects.get(name=DEMO_TEAM).members.count(),
            "equivalents": StandardPage.current_equivalents.through.objects.count(),
        }

    def test_running_the_command_twice_creates_nothing_new(self):
        load()
        first = self.counts()
        load()
        assert self.counts() == first
        assert first["Page"] > 50

    def test_loading_the_demo_emails_nobody(self):
        """The demo's assignments were made by no one: learners get no "assigned" email."""
        from django.core import mail

        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            load()
        assert callbacks is not None
        assert mail.outbox == []

    def test_every_demo_account_gets_the_password_from_demo_password(self):
        load(DEMO_PASSWORD="another-demo-password")
        for user in User.objects.filter(email__endswith="@example.com"):
            assert user.check_password("another-demo-password"), user.email

    def test_the_default_password_is_used_when_demo_password_is_unset(self):
        with mock.patch.dict(os.environ):
            os.environ.pop("DEMO_PASSWORD", None)
            call_command("load_demo", stdout=StringIO())
        assert User.objects.get(email="admin@example.com").check_password(DEFAULT_DEMO_PASSWORD)

    @override_settings(SETTINGS_MODULE="config.settings.production")
    def test_the_command_refuses_to_run_with_production_settings(self):
        pages = Page.objects.count()
        with pytest.raises(CommandError, match="production"):
            load()
        assert Page.objects.count() == pages
        assert not User.objects.filter(email__endswith="@example.com").exists()

    def test_the_command_prints_the_demo_logins(self):
        out = StringIO()
        call_command("load_demo", stdout=out)
        for email in ("practitioner1", "practitioner2", "manager", "editor", "admin"):
            assert f"{email}@example.com" in out.getvalue()


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load()
        cls.bite = KnowledgeBitePage.objects.get(slug="social-workers-social-media")
        cls.niscc_bite = KnowledgeBitePage.objects.get(slug="social-media-and-the-niscc-standards")
        cls.hcpc_bite = KnowledgeBitePage.objects.get(slug="hcpc-guidance-on-using-social-media")

    def test_the_home_page_is_the_default_sites_root_and_the_welcome_page_is_gone(self):
        site = Site.objects.get(is_default_site=True)
        assert isinstance(site.root_page.specific, HomePage)
        assert site.root_page.title == "Social care CPD"
        assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()

    def test_the_regulators_record_who_took_over_from_whom(self):
        swe = Regulator.objects.get(code="swe")
        assert swe.regulates_since == datetime.date(2019, 12, 2)
        assert swe.previous_regulator.code == "hcpc"
        assert set(Regulator.objects.values_list("code", flat=True)) == {
            "swe",
            "hcpc",
            "niscc",
            "scw",
        }

    def test_framework_dates_match_the_regulators(self):
        dates = {f.slug: (f.effective_from, f.superseded_on) for f in FrameworkPage.objects.live()}
        assert dates["hcpc-2008"][1] == datetime.date(2016, 1, 26)
        assert dates["hcpc-2016"] == (datetime.date(2016, 1, 26), datetime.date(2024, 9, 1))
        assert dates["swe-2019"] == (datetime.date(2019, 12, 2), None)

    def test_the_social_media_bite_has_every_section_in_order(self):
        assert [block.block_type for block in self.bite.body] == [
            "quotation", "callout", "heading", "statistic", "list", "risks", "heading",
            "paragraph", "standards", "paragraph", "heading", "callout", "list", "references",
        ]  # fmt: skip
        assert [h["text"] for h in blocks(self.bite, "heading")] == [
            "General issues",
            "Published guidelines and standards",
            "Good Practice",
        ]

    def test_the_denise_turner_quotation_is_verbatim(self):
        (quote,) = blocks(self.bite, "quotation")
        assert quote["quote"] == DENISE_TURNER
        assert quote["attribution"] == "Denise Turner, 2015"

    def test_the_four_risks_are_verbatim(self):
        (risks,) = blocks(self.bite, "risks")
        assert [risk["title"] for risk in risks["risks"]] == RISKS

    def test_the_eight_good_practice_points_are_a_numbered_list_verbatim(self):
        numbered = [v for v in blocks(self.bite, "list") if v["style"] == "numbered"]
        assert [html.unescape(item.source) for item in numbered[0]["items"]] == GOOD_PRACTICE

    def test_the_statistic_carries_both_footnotes(self):
        (statistic,) = blocks(self.bite, "statistic")
        notes = [(n["after"], n["url"]) for n in statistic["footnotes"]]
        assert notes == [
            (
                "1.5 billion",
                "http://www.statista.com/statistics/264810/"
                "number-of-monthly-active-facebook-users-worldwide/",
            ),
            (
                "307 million monthly Twitter users",
                "http://www.statista.com/statistics/282087/number-of-monthly-active-twitter-users/",
            ),
        ]
        assert all(n["after"] in statistic["text"] for n in statistic["footnotes"])

    def test_the_six_references_keep_their_citations_and_links(self):
        (references,) = blocks(self.bite, "references")
        citations = [r["citation"].source for r in references["references"]]
        assert len(citations) == 6
        assert citations[0].startswith('BROADBENT, Hannah. (2015). "Skills for the job')
        assert "<i>Children and People Now 3-6 March</i>" in citations[0]
        assert all("<i>" in citation for citation in citations)
        assert sum(1 for r in references["references"] if r["url"]) == 5

    def test_the_bite_cites_live_hcpc_2008_standards_1_2_3_and_13(self):
        (cited,) = blocks(self.bite, "standards")
        assert cited["heading"] == "Relevant HCPC Registrant standards"
        pages = list(cited["standards"])
        assert [p.code for p in pages] == ["1", "2", "3", "13"]
        assert all(p.live for p in pages)
        assert {p.get_parent().slug for p in pages} == {"hcpc-2008"}
        assert pages[3].statement == STANDARD_13
        assert pages[3].title.startswith("Standard 13:")

    def test_older_standards_point_at_their_current_equivalents(self):
        equivalents = standard("hcpc-2008", "13").current_equivalents.all()
        assert standard("swe-2019", "5.6") in equivalents
        assert standard("hcpc-2016", "9.1") in equivalents
        assert (
            standard("niscc-2015", "5.9") in standard("swe-2019", "5.6").current_equivalents.all()
        )

    def test_the_niscc_bite_quotes_standard_5_9_verbatim(self):
        (cited,) = blocks(self.niscc_bite, "standards")
        (page,) = cited["standards"]
        assert page.code == "5.9" and page.statement == NISCC_5_9
        tips = blocks(self.niscc_bite, "list")[0]["items"]
        assert len(tips) == 8
        assert tips[-1].source.startswith("Exploit the benefits of social media safey")

    def test_the_hcpc_guidance_bite_cites_the_2016_standards_it_quotes(self):
        (cited,) = blocks(self.hcpc_bite, "standards")
        statements = {p.code: p.statement for p in cited["standards"]}
        assert statements["2.7"] == (
            "You must use all forms of communication appropriately and responsibly, "
            "including social media and networking websites."
        )
        assert statements["9.1"] == (
            "You must make sure that your conduct justifies the public's trust and confidence "
            "in you and your profession."
        )
        (quote,) = blocks(self.hcpc_bite, "quotation")
        assert quote["quote"].startswith("Keep on posting!")

    def test_demo_users_have_their_roles(self):
        team = Team.objects.get(name=DEMO_TEAM)
        members = set(team.members.values_list("email", flat=True))
        assert members == {f"practitioner{n}@example.com" for n in range(1, 6)}
        manager = User.objects.get(email="manager@example.com")
        assert is_manager(manager) and list(manager.managed_teams.all()) == [team]
        asha = User.objects.get(email="practitioner1@example.com")
        assert asha.registration.regulator == "swe"
        assert asha.registration.registration_number == "SW123456"
        assert (asha.registration.renewal_date.month, asha.registration.renewal_date.day) == (
            11,
            30,
        )
        assert User.objects.get(email="practitioner2@example.com").registration.regulator == "niscc"
        editor = User.objects.get(email="editor@example.com")
        assert is_editor(editor) and editor.groups.filter(name=EDITOR_GROUP).exists()
        home = HomePage.objects.get()
        assert {"add_page", "change_page", "publish_page"} <= set(
            GroupPagePermission.objects.filter(group__name=EDITOR_GROUP, page=home).values_list(
                "permission__codename", flat=True
            )
        )
        assert User.objects.get(email="admin@example.com").is_superuser
        assert not any(u.is_superuser for u in [asha, manager, editor])

    def test_the_demo_pages_render(self):
        pages = [
            HomePage.objects.get(),
            *Page.objects.filter(slug__in=["standards", "knowledge-bites"]),
            *FrameworkPage.objects.live(),
            standard("hcpc-2008", "13"),
            standard("swe-2019", "4.6"),
            self.bite,
            self.niscc_bite,
            self.hcpc_bite,
        ]
        for page in pages:
            page = page.specific
            # TODO(lead): drop this guard once every learning page template is in place.
            if not _template_exists(page.template):
                pytest.skip(f"{page.template} is not written yet")
            response = self.client.get(page.url)
            assert response.status_code == 200, page.url

    def test_the_social_media_bite_page_shows_its_words(self):
        response = self.client.get(self.bite.url)
        text = html.unescape(response.content.decode())
        for phrase in [DENISE_TURNER, *RISKS, GOOD_PRACTICE[0], STANDARD_13, "Denise Turner, 2015"]:
            assert phrase in text, phrase


def _template_exists(name):
    try:
        select_template([name])
    except TemplateDoesNotExist:
        return False
    return True

"""The demo quiz: loaded once under its bite, complete, and citing real standards correctly."""

import re
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from learning.models import FrameworkPage, KnowledgeBitePage, StandardPage
from quizzes.demo import QUESTIONS, SLUG
from quizzes.models import QuizPage
from quizzes.snapshots import quiz_snapshot

# A standard named in feedback: "Social Work England standard 2.3", "NISCC standard 5.9",
# "HCPC standard 2.10" (the edition in force) or "the HCPC's 2008 standard 2".
NAMED_STANDARD = re.compile(
    r"(Social Work England|NISCC|HCPC(?:'s (?P<year>\d{4}))?) standard (?P<code>\d+(?:\.\d+)?)"
)
FRAMEWORKS = {"Social Work England": "swe-2019", "NISCC": "niscc-2015", "HCPC": "hcpc-2024"}
CURLY_QUOTE = re.compile(r"“([^”]+)”")

TOPICS = {
    "a young person you supported sends a friend request": "sends a friend request",
    "a current service user asks to follow a private account": "sends you a follow request",
    "a colleague posts about a case": "A colleague in your team posts",
    "your details on a social work hate site": "social work hate site",
    "commenting on a friend's public photo": "Their account is public",
    "your profile picture": "profile picture",
    "posting when angry": "angry and upset",
    "whether to use social media at all": "deleting all their social media accounts",
}


def load():
    call_command("load_demo", stdout=StringIO())


def text_of(html):
    return re.sub(r"<[^>]+>", "", html).replace("&#x27;", "'").replace("&quot;", '"')


class DemoQuizTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load()
        load()
        cls.bite = KnowledgeBitePage.objects.get(slug="social-workers-social-media")
        cls.quizzes = QuizPage.objects.child_of(cls.bite)
        cls.quiz = cls.quizzes.get()
        cls.questions = list(cls.quiz.questions)

    def options(self):
        for question in self.questions:
            for option in question.value["options"]:
                yield question, option

    def test_loading_twice_leaves_one_live_quiz_under_the_bite(self):
        assert self.quizzes.count() == 1
        assert QuizPage.objects.count() == 1
        assert self.quiz.live and not self.quiz.has_unpublished_changes
        assert self.quiz.slug == SLUG

    def test_the_quiz_has_the_agreed_settings(self):
        quiz = self.quiz
        assert quiz.title == "Check your understanding: social media"
        assert quiz.intro.startswith("<p>")
        assert (quiz.pass_mark, quiz.attempts_allowed, quiz.feedback_timing) == (70, None, "end")
        assert quiz.shuffle_options and not quiz.ask_confidence and not quiz.is_closed

    def test_there_are_at_least_eight_questions_of_every_type(self):
        assert len(self.questions) == len(QUESTIONS) >= 8
        assert {q.block_type for q in self.questions} == {
            "single_best_answer",
            "multiple_response",
            "situational_judgement",
        }

    def test_each_single_best_question_has_exactly_one_right_option(self):
        for question in self.questions:
            options = question.value["options"]
            if question.block_type == "single_best_answer":
                assert sum(bool(o["correct"]) for o in options) == 1, question.value["prompt"]
            if question.block_type == "multiple_response":
                assert any(o["correct"] for o in options)
                assert not all(o["correct"] for o in options)

    def test_situational_judgement_ratings_use_the_scale_and_include_both_ends(self):
        for question in self.questions:
            if question.block_type == "situational_judgement":
                ratings = {o["expert_rating"] for o in question.value["options"]}
                assert ratings <= {"1", "2", "3", "4"}
                assert {"1", "4"} <= ratings

    def test_every_option_has_feedback_and_every_question_cites_a_standard(self):
        for _question, option in self.options():
            assert text_of(option["feedback"].source).strip(), option["text"]
        for question in self.questions:
            cited = [s for o in question.value["options"] for s in o["standards"]]
            assert cited, question.value["prompt"]

    def test_every_cited_standard_is_a_live_standard_page(self):
        for _question, option in self.options():
            for standard in option["standards"]:
                assert standard is not None, option["text"]
                page = Page.objects.get(pk=standard.pk)
                assert page.live
                assert isinstance(page.specific, StandardPage)

    def test_a_standard_named_in_feedback_is_cited_on_that_option(self):
        for _question, option in self.options():
            feedback = text_of(option["feedback"].source)
            cited = {
                (standard.get_parent().slug, standard.specific.code)
                for standard in option["standards"]
            }
            matches = list(NAMED_STANDARD.finditer(feedback))
            # Every "standard N" is named with its regulator, so none escapes the check.
            assert len(matches) == len(re.findall(r"standard \d", feedback)), feedback
            for match in matches:
                regulator = match.group(1).split("'")[0]
                framework = f"hcpc-{match['year']}" if match["year"] else FRAMEWORKS[regulator]
                assert (framework, match["code"]) in cited, (match.group(0), option["text"])

    def test_quoted_standard_wording_matches_a_cited_statement_word_for_word(self):
        quoted = 0
        for _question, option in self.options():
            statements = [s.specific.statement.lower() for s in option["standards"]]
            for quote in CURLY_QUOTE.findall(text_of(option["feedback"].source)):
                quoted += 1
                assert any(quote.lower() in statement for statement in statements), quote
        assert quoted

    def test_no_superseded_standard_is_cited_unless_the_feedback_names_its_year(self):
        superseded = set(
            FrameworkPage.objects.filter(superseded_on__isnull=False).values_list("slug", flat=True)
        )
        for _question, option in self.options():
            for standard in option["standards"]:
                framework = standard.get_parent().slug
                if framework in superseded:
                    year = framework.rsplit("-", 1)[1]
                    assert f"HCPC's {year} standard" in text_of(option["feedback"].source)

    def test_the_eight_scenario_topics_are_all_covered(self):
        scenarios = " ".join(text_of(q.value["scenario"].source) for q in self.questions)
        for topic, phrase in TOPICS.items():
            assert phrase in scenarios, topic

    def test_the_quiz_snapshots_with_every_option_and_its_standards(self):
        snapshot = quiz_snapshot(quiz=self.quiz, shuffle_seed=1)
        assert len(snapshot["questions"]) == len(self.questions)
        option_ids = [o["id"] for q in snapshot["questions"] for o in q["options"]]
        assert all(option_ids) and len(set(option_ids)) == len(option_ids)
        cited = sum(len(o["standards"]) for q in snapshot["questions"] for o in q["options"])
        assert cited == sum(len(o["standards"]) for _q, o in self.options())

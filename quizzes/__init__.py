"""Scenario quizzes: QuizPage (a Wagtail page below the bite it checks, its questions a
StreamField), attempts and answers with the snapshot of what was shown, scoring
(`scoring`, pure), item statistics (`statistics`, pure) and "My quiz results".

Above learning (it adds the quiz to a bite's page through the `bite_page_context` hook);
reflections and training use it through `quizzes.api`, and training hears of a submitted
attempt from the `attempt_submitted` signal.
"""

"""Learning content: the Wagtail page tree (home, knowledge bites, regulators, versioned
frameworks and their standards), the shared block library, search, and "I have read
this" (the one piece of learner data it keeps).

Above accounts; quizzes, reflections and training use it through `learning.api`.
Training hears of a read from the `bite_read` signal; quizzes add the quiz to a bite's
page through the `bite_page_context` Wagtail hook.
"""

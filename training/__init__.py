"""Training: what a manager asks of a team and what each learner has done of it.

Owns training modules (Wagtail pages whose steps are bites to read, a quiz to pass and a
reflection to record), assignments, per-learner progress and completions, the team and
organisation reports, the standards heatmap, the completion trend, reminders, the
organisation's report files and the demo loader. The top layer: it reads accounts,
learning, quizzes and reflections through their `api` modules and hears from them by
signals; nothing imports training.
"""

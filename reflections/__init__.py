"""The reflective-learning record: records private to their owner, reflective models,
the privacy guard (`privacy`, pure), each regulator's CPD rules (`cpd_rules`, pure),
sharing with a manager, "My CPD", my data, and CPD exports (prepared files).

Above quizzes (a record can start from a quiz attempt); training uses it through
`reflections.api` and hears of a completed record from the `record_completed` signal.
"""

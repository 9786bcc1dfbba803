"""Reads of training: a learner's progress (`progress`) and the managers' reports
(`reports`). Each takes a fixed number of queries whatever the number of people."""

from .progress import module_progress, module_reflection_source, my_training

__all__ = ["module_progress", "module_reflection_source", "my_training"]

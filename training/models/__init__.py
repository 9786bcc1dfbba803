"""Training content (the index and the modules) and its learner data."""

from .files import ReportFile, ReportFileFormat
from .pages import TrainingIndexPage, TrainingModulePage
from .progress import (
    Assignment,
    Completion,
    ModuleProgressLog,
    ReminderKind,
    ReminderLog,
    TeamSummary,
)

__all__ = [
    "Assignment",
    "Completion",
    "ModuleProgressLog",
    "ReminderKind",
    "ReminderLog",
    "ReportFile",
    "ReportFileFormat",
    "TeamSummary",
    "TrainingIndexPage",
    "TrainingModulePage",
]

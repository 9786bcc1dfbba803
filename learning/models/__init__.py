"""Learning content (Wagtail pages) and the learner data kept beside it."""

from .downloads import ReportDownload, ReportDownloadFormat, ReportDownloadStatus
from .pages import (
    BiteIndexPage,
    FrameworkPage,
    HomePage,
    KnowledgeBitePage,
    Regulator,
    StandardPage,
    StandardsIndexPage,
    TrainingIndexPage,
    TrainingModulePage,
)
from .progress import (
    Assignment,
    BiteRead,
    Completion,
    ModuleProgressLog,
    ReminderKind,
    ReminderLog,
    TeamSummary,
)

__all__ = [
    "Assignment",
    "BiteIndexPage",
    "BiteRead",
    "Completion",
    "FrameworkPage",
    "HomePage",
    "KnowledgeBitePage",
    "ModuleProgressLog",
    "Regulator",
    "ReportDownload",
    "ReportDownloadFormat",
    "ReportDownloadStatus",
    "ReminderKind",
    "ReminderLog",
    "StandardPage",
    "StandardsIndexPage",
    "TeamSummary",
    "TrainingIndexPage",
    "TrainingModulePage",
]

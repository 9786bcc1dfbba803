"""Learning content (Wagtail pages) and the one piece of learner data beside it: reads."""

from .pages import (
    BiteIndexPage,
    FrameworkPage,
    HomePage,
    KnowledgeBitePage,
    Regulator,
    StandardPage,
    StandardsIndexPage,
)
from .reads import BiteRead

__all__ = [
    "BiteIndexPage",
    "BiteRead",
    "FrameworkPage",
    "HomePage",
    "KnowledgeBitePage",
    "Regulator",
    "StandardPage",
    "StandardsIndexPage",
]

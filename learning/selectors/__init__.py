"""Reads of learning content and of reads. Each takes a fixed number of queries."""

from .content import (
    bite_footnotes,
    bite_page_context,
    bite_read_by,
    bites_citing,
    bites_latest,
    cited_standards,
    framework_notices,
    frameworks_for_standards,
    parent_path,
    reader_regulator,
    standard_label,
    standard_labels,
    standard_page_context,
)
from .search import MAX_QUERY_LENGTH, SEARCH_PAGE_TYPES_HOOK, search_content, search_query_clean

__all__ = [
    "MAX_QUERY_LENGTH",
    "SEARCH_PAGE_TYPES_HOOK",
    "bite_footnotes",
    "bite_page_context",
    "bite_read_by",
    "bites_citing",
    "bites_latest",
    "cited_standards",
    "framework_notices",
    "frameworks_for_standards",
    "parent_path",
    "reader_regulator",
    "search_content",
    "search_query_clean",
    "standard_label",
    "standard_labels",
    "standard_page_context",
]

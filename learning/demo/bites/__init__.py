"""The demo knowledge bites, built from the client's source documents.

The words are the sources' own (docs/content-sources.md says which seed each comes from
and what was left out); only headings lose their trailing colons. Each builder takes
`standard`, a function (framework key, code) -> StandardPage id, and returns the page
fields with a StreamField body as a list of {"type", "value"} dicts.
"""

from .hcpc_guidance import hcpc_social_media_guidance
from .niscc import niscc_social_media
from .social_media import social_workers_social_media

BITES = [social_workers_social_media, niscc_social_media, hcpc_social_media_guidance]

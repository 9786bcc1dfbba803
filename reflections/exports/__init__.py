"""CPD exports: the regulators' layouts, and writers for CSV, JSON and PDF.

`layouts` says what each regulator's record holds; `csv`, `json` and `pdf` write a
layout to a binary file object. `reflections.services.export_write` calls them when a
CPD export is prepared (exports are prepared files: `files.py` and core.prepared_files).
"""

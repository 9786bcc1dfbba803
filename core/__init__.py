"""What several apps share, and nothing app-specific: the lowest layer.

- `prepared_files`: a file prepared by a task for one person (request, render, fail,
  expire, status page, download); CPD exports and training report files use it. Its
  tasks are in `tasks`.
- `forms`: GOV.UK form helpers (the crispy-forms-gds helper, the date input).
- `spreadsheets`: cells for CSV and XLSX files, guarded against formulas.
- `middleware`: the Wagtail admin's relaxed frame and script policy.
- `context_processors`: the service name every page shows.
- `urls`: the site's own pages (accessibility statement, privacy notice; namespace `pages`).
- `templatetags.pages` (page breadcrumbs) and `pages` (a page helper for demo loaders).

The design-system partials are in the top-level `templates/components/`.

core imports no app of this project (import-linter checks it in `make lint`).
"""

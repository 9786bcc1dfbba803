"""What several apps share, and nothing app-specific: the lowest layer.

- `prepared_files`: a file prepared by a task for one person (request, render, fail,
  expire, status page, download); CPD exports and training report files use it.
- `forms`: GOV.UK form helpers (the crispy-forms-gds helper, the date input).
- `spreadsheets`: cells for CSV and XLSX files, guarded against formulas.
- `middleware`: the Wagtail admin's relaxed frame and script policy.
- `templates/components/` (top-level templates folder): the design-system partials.

core imports no app of this project (import-linter checks it: `make lint-imports`).
"""

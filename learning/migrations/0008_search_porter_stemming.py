"""Search stems words the same way on SQLite and PostgreSQL: the Porter stemmer.

SQLite: Wagtail's FTS5 table is made with the default `unicode61` tokenizer, which
does not stem ("requests" never matches "request"). This remakes it with
`porter unicode61` and refills it from the index entries, which keep the text on
SQLite; Wagtail's triggers name the table, so they keep working.

PostgreSQL: the `english` configuration uses the Snowball English stemmer (Porter2),
which differs from SQLite's original Porter stemmer on some words. PostgreSQL's
Snowball dictionaries include the original Porter stemmer, so `cpd_search` is
`english` (same parser, same stop words) with that stemmer; WAGTAILSEARCH_BACKENDS
names it. Vectors already stored were built with the old configuration: run
`manage.py update_index` once after this migration (docs/decisions/0012-search.md).
"""

from django.db import migrations

FTS_TABLE = "wagtailsearch_indexentry_fts"
INDEX_TABLE = "wagtailsearch_indexentry"


def _remake_sqlite_fts(tokenizer):
    def remake(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE]
            )
            if cursor.fetchone() is None:  # no FTS5 here: Wagtail falls back to LIKE
                return
            cursor.execute(f"DROP TABLE {FTS_TABLE}")
            tokenize = f", tokenize = '{tokenizer}'" if tokenizer else ""
            cursor.execute(
                f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title{tokenize})"
            )
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body, autocomplete) "  # noqa: S608
                f"SELECT id, title, body, autocomplete FROM {INDEX_TABLE}"
            )

    return remake


POSTGRES_CREATE = """
CREATE TEXT SEARCH DICTIONARY cpd_porter (TEMPLATE = snowball, LANGUAGE = porter, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION cpd_search (COPY = english);
ALTER TEXT SEARCH CONFIGURATION cpd_search
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH cpd_porter;
"""
POSTGRES_DROP = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS cpd_search;
DROP TEXT SEARCH DICTIONARY IF EXISTS cpd_porter;
"""


def _postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0007_admin_labels_translatable"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(_remake_sqlite_fts("porter unicode61"), _remake_sqlite_fts(None)),
        migrations.RunPython(_postgres(POSTGRES_CREATE), _postgres(POSTGRES_DROP)),
    ]

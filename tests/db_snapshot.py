# ruff: noqa: S608 -- the SQL is built from table names the database itself listed.
"""Copies of every table's rows, to write back in one go.

Loading the demo takes seconds; writing its rows back takes a small fraction of that.
On PostgreSQL a snapshot keeps the rows in a schema of its own, so the database copies
them back without a round trip through Python, and Django's introspection (flushes,
migrations) never sees them. On SQLite it keeps each row as the SQL literal `quote()`
writes, which any connection can insert: Django opens another connection to the
in-memory test database once Playwright runs an event loop in the test thread, and an
attached database would only belong to the first one.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import transaction

# SQLite's full-text search tables are kept in step with wagtailsearch_indexentry by
# triggers: writing that table back writes them back too.
SQLITE_FTS_SUFFIXES = ("", "_data", "_idx", "_content", "_docsize", "_config")
SQLITE_ROWS_PER_INSERT = 200


class Snapshot:
    """Every row of every table (and where each id sequence stands), under `name`."""

    def __init__(self, connection, name):
        self.connection = connection
        self.name = name
        self.tables = []  # The tables restore() empties and fills.
        self.sequences = []  # PostgreSQL: (sequence, table, column).
        self.sqlite_rows = {}  # SQLite: table -> (column list, [row literal, ...]).

    @classmethod
    def take(cls, connection, name, *, changed_since=None):
        """Copy the rows of every table as committed now.

        With `changed_since` (an earlier snapshot) restore() writes only the tables whose
        rows differ from it: writing back the few tables a fixture filled is quicker than
        writing every table.
        """
        if connection.in_atomic_block:
            raise RuntimeError("Take a snapshot outside a transaction: rows are copied as seen.")
        snapshot = cls(connection, name)
        snapshot.tables = snapshot._table_names()
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                snapshot._take_postgresql(cursor)
            else:
                snapshot._take_sqlite(cursor)
            if changed_since is not None:
                snapshot.tables = [
                    table
                    for table in snapshot.tables
                    if snapshot._differs(cursor, changed_since, table)
                ]
                snapshot.sequences = [s for s in snapshot.sequences if s[1] in snapshot.tables]
        return snapshot

    def _table_names(self):
        tables = self.connection.introspection.table_names(include_views=False)
        if self.connection.vendor != "sqlite":
            return tables
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = [name for (name,) in cursor.fetchall()]
        derived = {name + suffix for name in virtual for suffix in SQLITE_FTS_SUFFIXES}
        return [table for table in tables if table not in derived]

    def _take_postgresql(self, cursor):
        quote = self.connection.ops.quote_name
        schema = quote(self.name)
        statements = [f"DROP SCHEMA IF EXISTS {schema} CASCADE", f"CREATE SCHEMA {schema}"]
        statements += [f"CREATE TABLE {schema}.{quote(t)} AS TABLE {quote(t)}" for t in self.tables]
        cursor.execute(";\n".join(statements))
        cursor.execute(
            """
            SELECT sequence.relname, owner.relname, column_.attname
            FROM pg_class sequence
            JOIN pg_depend link ON link.objid = sequence.oid AND link.deptype IN ('a', 'i')
            JOIN pg_class owner ON owner.oid = link.refobjid
            JOIN pg_attribute column_
              ON column_.attrelid = owner.oid AND column_.attnum = link.refobjsubid
            WHERE sequence.relkind = 'S' AND owner.relnamespace = current_schema()::regnamespace
            """
        )
        self.sequences = [row for row in cursor.fetchall() if row[1] in self.tables]

    def _take_sqlite(self, cursor):
        quote = self.connection.ops.quote_name
        for table in [*self.tables, "sqlite_sequence"]:
            cursor.execute(f"SELECT name FROM pragma_table_info('{table}')")
            columns = [quote(name) for (name,) in cursor.fetchall()]
            literal = " || ',' || ".join(f"quote({column})" for column in columns)
            cursor.execute(f"SELECT '(' || {literal} || ')' FROM {quote(table)}")
            self.sqlite_rows[table] = (", ".join(columns), [row for (row,) in cursor.fetchall()])

    def _differs(self, cursor, other, table):
        if self.connection.vendor == "sqlite":
            return set(self.sqlite_rows[table][1]) != set(other.sqlite_rows[table][1])
        quote = self.connection.ops.quote_name
        mine, theirs = (f"{quote(s.name)}.{quote(table)}" for s in (self, other))
        # Whole rows compared as text: some column types have no equality operator.
        for first, second in ((mine, theirs), (theirs, mine)):
            cursor.execute(
                f"SELECT EXISTS (SELECT row_::text FROM {first} row_ "
                f"EXCEPT SELECT row_::text FROM {second} row_)"
            )
            if cursor.fetchone()[0]:
                return True
        return False

    def restore(self):
        """Make the snapshot's tables hold exactly its rows again.

        Inside a transaction (a test's, say) the rows come back only until it rolls back;
        outside one they are committed, for other connections (the live server's) to see.
        Foreign keys are checked at the end, when every table is whole again: Django makes
        them deferrable on both databases.
        """
        if self.connection.vendor == "postgresql":
            statements = self._restore_postgresql()
        else:
            statements = self._restore_sqlite()
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                cursor.execute(";\n".join(statements))
            else:
                # SQLite's driver runs one statement per call.
                for statement in statements:
                    cursor.execute(statement)
        forget_cached_rows(content_types="django_content_type" in self.tables)

    def _restore_postgresql(self):
        quote = self.connection.ops.quote_name
        schema = quote(self.name)
        statements = ["SET CONSTRAINTS ALL DEFERRED"]
        statements += [f"DELETE FROM {quote(t)}" for t in self.tables]
        statements += [
            f"INSERT INTO {quote(t)} SELECT * FROM {schema}.{quote(t)}" for t in self.tables
        ]
        # Never move a sequence back: after a rollback the rows go but the sequence stays
        # where it was, and an id handed out twice would clash with a later copy.
        statements += [
            f"SELECT setval('{quote(sequence)}', GREATEST(1, "
            f"(SELECT last_value FROM {quote(sequence)}), "
            f"(SELECT COALESCE(MAX({quote(column)}), 0) FROM {quote(table)})))"
            for sequence, table, column in self.sequences
        ]
        return statements

    def _restore_sqlite(self):
        quote = self.connection.ops.quote_name
        statements = []
        for table in [*self.tables, "sqlite_sequence"]:
            columns, rows = self.sqlite_rows[table]
            statements.append(f"DELETE FROM {quote(table)}")
            for start in range(0, len(rows), SQLITE_ROWS_PER_INSERT):
                values = ", ".join(rows[start : start + SQLITE_ROWS_PER_INSERT])
                statements.append(f"INSERT INTO {quote(table)} ({columns}) VALUES {values}")
        return statements

    def drop(self):
        if self.connection.vendor == "postgresql":
            with self.connection.cursor() as cursor:
                cursor.execute(
                    f"DROP SCHEMA IF EXISTS {self.connection.ops.quote_name(self.name)} CASCADE"
                )
        self.sqlite_rows = {}


def forget_cached_rows(*, content_types=True):
    """Forget what this process cached from rows that were just replaced behind the ORM's back.

    Content types come back under the snapshot's ids, and Wagtail caches the sites' root
    paths until a Site is saved, which raw SQL never signals.
    """
    if content_types:
        ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()

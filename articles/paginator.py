"""A paginator for big admin changelists that avoids a full COUNT(*) per view."""

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Below this many rows an exact count is cheap and the planner's estimate may be stale.
ESTIMATE_ABOVE = 500


class EstimatedCountPaginator(Paginator):
    """On PostgreSQL an unfiltered list takes its size from the planner's estimate.

    One query either way: the exact count runs (inside the CASE) only for small tables.
    `whole_table=True` says the list is the whole table as far as its size goes, though its
    queryset carries a standing filter (an admin that hides other people's drafts).
    """

    def __init__(self, *args, whole_table: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.whole_table = whole_table

    @cached_property
    def count(self) -> int:
        qs = self.object_list
        unfiltered = self.whole_table or (isinstance(qs, QuerySet) and not qs.query.where)
        if not (isinstance(qs, QuerySet) and unfiltered and connections[qs.db].vendor == "postgresql"):
            return super().count
        connection = connections[qs.db]
        table = connection.ops.quote_name(qs.model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT CASE WHEN reltuples >= %s THEN reltuples::bigint "  # the table name is quoted above
                f"ELSE (SELECT count(*) FROM {table}) END FROM pg_class WHERE oid = %s::regclass",
                [ESTIMATE_ABOVE, qs.model._meta.db_table],
            )
            return int(cursor.fetchone()[0])

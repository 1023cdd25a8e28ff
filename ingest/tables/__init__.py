"""Tables of report text: family tables (reader.py) and tables of unknown layout
(generic.py), read into one shape (model.py)."""

from ingest.tables.model import Row, Table, TableError
from ingest.tables.reader import TableFailure, find_tables

__all__ = ["Row", "Table", "TableError", "TableFailure", "find_tables"]

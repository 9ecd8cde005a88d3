"""The search index: which 2-character grams occur in which document (for partial Korean words).

A document is one member, facility, finding, proposal or feedback note; its text fields are
normalised (lower case, whitespace removed) and cut into overlapping bigrams, plus the last
character of each field alone, so a one-character query can use the grams that start with it.
A gram is stored as an integer (first code point << 21 | second code point), which keeps the
prefix range of a character collation-free on SQLite and PostgreSQL alike.

The primary key (gram, doc_kind, doc_id) is the index on gram; SQLite keeps the table
WITHOUT ROWID, so a gram's postings are one range of one B-tree, ordered by document.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, SmallInteger
from sqlalchemy.orm import Mapped, mapped_column

from panelapp.db.base import Base


class SearchGram(Base):
    __tablename__ = "search_grams"
    __table_args__ = {"sqlite_with_rowid": False}
    gram: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    doc_kind: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    doc_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)

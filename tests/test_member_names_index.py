"""The masking's cache check (services/masking.member_names) reads the end of an index, not the
members table: a masked reader asks it on every unit of work (each block of rows painted)."""

from sqlalchemy import text


def test_the_newest_member_change_is_read_off_its_index(sqlite_ctx):
    with sqlite_ctx.db.engine.connect() as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.execute(text("EXPLAIN QUERY PLAN SELECT max(members.updated_at) FROM members"))
        )
    assert "ix_members_updated_at" in plan and "SCAN members" not in plan.replace("COVERING INDEX", ""), plan


def test_the_names_follow_a_change_to_a_member(sqlite_ctx):
    from panelapp.db.models import Member
    from panelapp.services import masking

    ctx = sqlite_ctx
    with ctx.db.session_factory.begin() as s:
        s.add(Member(name="남궁민수", phone="+821012340001"))
    with ctx.db.session_factory() as s:
        assert masking.member_names(s).mask("남궁민수 단원이 제안") == "남**수 단원이 제안"
    with ctx.db.session_factory.begin() as s:
        member = s.query(Member).one()
        member.name = "황보영희"
    with ctx.db.session_factory() as s:
        names = masking.member_names(s)
        assert names.mask("황보영희 단원") == "황**희 단원" and names.mask("남궁민수") == "남궁민수"

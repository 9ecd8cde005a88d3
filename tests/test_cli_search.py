"""`panelapp search-index rebuild`: the index comes back whole after it was emptied by hand."""

from conftest import with_admin_account
from sqlalchemy import text

from panelapp.cli import main
from panelapp.db.engine import open_database
from panelapp.services.registers.facilities import (
    FacilityInput,
    create_facility,
    ensure_default_facility_types,
    list_facility_types,
)
from panelapp.services.search.query import search
from panelapp.services.system.bootstrap import open_app
from panelapp.settings import Settings


def test_rebuild_restores_an_emptied_index(tmp_path, capsys):
    path = tmp_path / "panel.db"
    ctx = open_app(str(path), Settings(tmp_path / "s.json"))
    ensure_default_facility_types(ctx)
    park = next(t.id for t in list_facility_types(ctx) if t.name == "공원")
    create_facility(ctx, FacilityInput("새봄근린공원", park, "한빛시 남구 새봄로 60"))
    ctx.db.dispose()
    with_admin_account(path)  # the command line logs in as the suite's 관리자
    db = open_database(str(path))
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM search_grams"))
    db.dispose()
    assert main(["--db", str(path), "search-index", "rebuild"]) == 0
    assert "자료 1건" in capsys.readouterr().out
    db = open_database(str(path))
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM search_grams")).scalar() > 0
    db.dispose()
    ctx = open_app(str(path), Settings(tmp_path / "s.json"))
    assert [h.title for h in search(ctx, "근린")] == ["새봄근린공원"]
    ctx.db.dispose()

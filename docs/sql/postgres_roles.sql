-- Two roles for a shared panelapp database (issue 13 item 7).
--
--   owner  makes and upgrades the schema (the first start, `panelapp db upgrade`, `panelapp db copy`)
--   app    what every desktop logs in as day to day: reads and writes rows, cannot change tables
--
-- Run once, as a superuser (or a role with CREATEROLE), connected to the NEW, EMPTY database:
--
--   createdb -h SERVER -U postgres -T template0 -E UTF8 --lc-collate=C.UTF-8 --lc-ctype=C.UTF-8 panel
--   psql -h SERVER -U postgres -d panel -v ON_ERROR_STOP=1 \
--        -v owner=panel_owner -v owner_password='…' -v app=panel_app -v app_password='…' \
--        -f docs/sql/postgres_roles.sql
--
-- Then make the schema as the owner (the desktop that moves its data in, or any one):
--   panelapp db copy --from panelapp.db --to postgresql+psycopg://panel_owner@SERVER/panel
--   (or: panelapp --db postgresql+psycopg://panel_owner@SERVER/panel db upgrade)
-- and point every desktop at postgresql+psycopg://panel_app@SERVER/panel.
-- When a new version needs a newer schema, a desktop logged in as the app role says so and
-- opens nothing; the administrator runs `panelapp --db …panel_owner… db upgrade` once.

CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';

ALTER DATABASE :"DBNAME" OWNER TO :"owner";
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE :"DBNAME" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"DBNAME" TO :"app";
GRANT USAGE ON SCHEMA public TO :"app";

-- every table and sequence the owner makes from now on
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app";

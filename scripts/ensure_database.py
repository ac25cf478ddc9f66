"""Create the PostgreSQL database named in DATABASE_URL when it does not exist yet."""

import os
import sys

import environ
import psycopg
from psycopg import sql


def main() -> int:
    cfg = environ.Env.db_url_config(os.environ["DATABASE_URL"])
    params = {
        "host": cfg.get("HOST") or None,
        "port": cfg.get("PORT") or None,
        "user": cfg.get("USER") or None,
        "password": cfg.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]]
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(cfg["NAME"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())

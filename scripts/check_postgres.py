"""Stop `make test` early, with one clear sentence, when PostgreSQL cannot be reached."""

import os
import sys

import environ
import psycopg

DEFAULT = "postgres://postgres@127.0.0.1:5432/checkin_portal"


def main() -> int:
    url = os.environ.get("DATABASE_URL", DEFAULT)
    cfg = environ.Env.db_url_config(url)
    try:
        psycopg.connect(
            host=cfg.get("HOST") or None,
            port=cfg.get("PORT") or None,
            user=cfg.get("USER") or None,
            password=cfg.get("PASSWORD") or None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.OperationalError:
        host = cfg.get("HOST") or "the local socket"
        print(
            f"PostgreSQL is not reachable at {host}:{cfg.get('PORT') or 5432}: start it "
            "(Debian: `pg_ctlcluster 15 main start`; Docker: `docker compose up -d db`) "
            "or set DATABASE_URL to a server you can use, then run `make test` again.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""docker-compose.yml without a Docker engine (where one exists, run
`docker compose config --quiet`): interpolated as compose does with the values of
.env.example, parsed by a Compose Specification parser (compose-spec, which rejects
unknown keys, bad enum values and bad durations), then checked for what this stack
promises: services, health checks, start order, pinned images, no secret in the file."""

import re
from pathlib import Path

import pytest
import yaml
from compose_spec import PyOptions
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
RAW = (ROOT / "docker-compose.yml").read_text()
APP_SERVICES = ("web", "worker", "scheduler", "migrate")
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")
SECRET_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|(^|_)KEY$")


def example_env() -> dict[str, str]:
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def interpolate(text: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}."""

    def replace(match):
        name, operator, argument = match.groups()
        value = env.get(name)
        if operator in (":-", ":?") and not value:
            value = None
        if value is not None:
            return value
        if operator in (":-", "-"):
            return argument
        raise KeyError(f"{name} is required: {argument}")

    return _VARIABLE.sub(replace, text.replace("$$", "\0")).replace("\0", "$")


@pytest.fixture(scope="module")
def compose() -> dict:
    parsed = PyOptions(apply_merge=True).from_yaml(interpolate(RAW, example_env()))
    parsed.validate()  # every volume/network a service names is declared
    return parsed.to_dict()


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def test_parses_as_a_compose_file_and_names_the_project(compose):
    assert compose["name"] == "checkin-portal"


def test_the_parser_rejects_mistakes():
    """The check above could fail: the parser refuses typos."""
    broken = interpolate(RAW, example_env()).replace("service_healthy", "service_helthy", 1)
    with pytest.raises(ValueError, match="service_helthy"):
        PyOptions(apply_merge=True).from_yaml(broken)
    with pytest.raises(ValueError):
        PyOptions(apply_merge=True).from_yaml(
            "services:\n  web:\n    image: x\n    helthcheck: {}\n"
        )


def test_services(services):
    assert set(services) == {"proxy", "web", "worker", "scheduler", "migrate", "db", "redis"}


def test_app_services_share_one_image_and_the_env_file(services):
    images = {services[name]["image"] for name in APP_SERVICES}
    assert len(images) == 1
    for name in APP_SERVICES:
        service = services[name]
        assert service["build"]["context"] == "."
        assert service["env_file"] == [".env"]
        assert service["environment"]["CACHE_URL"] == "redis://redis:6379/0"
        assert service["environment"]["DATABASE_URL"].endswith("@db:5432/checkin_portal")


def test_each_app_service_has_a_role_the_entrypoint_knows(services):
    entrypoint = (ROOT / "scripts" / "docker-entrypoint.sh").read_text()
    for name in APP_SERVICES:
        [role] = services[name]["command"]
        assert role == name
        assert f"\n  {role})" in entrypoint


def test_start_order(services):
    ready = {
        "db": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
        "migrate": {"condition": "service_completed_successfully"},
    }
    for name in ("web", "worker", "scheduler"):
        assert services[name]["depends_on"] == ready, name
    assert services["migrate"]["depends_on"] == {"db": {"condition": "service_healthy"}}
    assert services["migrate"]["restart"] == "no"
    assert services["proxy"]["depends_on"] == {"web": {"condition": "service_healthy"}}


def test_every_service_waited_on_as_healthy_has_a_health_check(services):
    for service in services.values():
        for target, condition in service.get("depends_on", {}).items():
            if condition["condition"] == "service_healthy":
                check = services[target]["healthcheck"]
                assert not check.get("disable") and check["test"], target


def test_health_checks(services):
    assert services["web"]["healthcheck"]["test"] == [
        "CMD",
        "python",
        "/app/scripts/healthcheck.py",
    ]
    db_check = services["db"]["healthcheck"]["test"]  # CMD-SHELL comes back as one string
    assert "pg_isready" in (db_check if isinstance(db_check, str) else " ".join(db_check))
    assert services["redis"]["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]
    assert "/nginx-health" in services["proxy"]["healthcheck"]["test"][-1]
    # No HTTP in these: the image's /healthz check is switched off.
    for name in ("worker", "scheduler", "migrate"):
        assert services[name]["healthcheck"] == {"disable": True}, name


def test_database_is_postgresql_15_on_a_volume(compose, services):
    db = services["db"]
    assert re.fullmatch(r"postgres:15\.\d+(-\w+)?", db["image"])
    assert "pgdata:/var/lib/postgresql/data" in [
        v if isinstance(v, str) else f"{v['source']}:{v['target']}" for v in db["volumes"]
    ]
    assert "pgdata" in compose["volumes"]
    assert "ports" not in db and "ports" not in services["redis"]


def test_images_are_pinned_to_releases(services):
    for name in ("proxy", "db", "redis"):
        image = services[name]["image"]
        # A release, not a moving major tag (PostgreSQL releases are MAJOR.MINOR).
        assert re.fullmatch(r"[a-z0-9/-]+:\d+\.\d+(\.\d+)?(-[a-z0-9]+)?", image), image
        assert image.split(":")[1].count(".") >= 1
    assert "latest" not in RAW


def test_only_the_proxy_publishes_a_port_on_loopback_by_default(services):
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    [port] = services["proxy"]["ports"]
    text = (
        port if isinstance(port, str) else f"{port['host_ip']}:{port['published']}:{port['target']}"
    )
    assert text == "127.0.0.1:8080:8080"
    assert "${PROXY_BIND:-127.0.0.1}" in RAW


def test_web_scales_behind_the_proxy(services):
    web = services["web"]
    assert "container_name" not in web and "ports" not in web
    conf = (ROOT / "deploy" / "nginx" / "default.conf").read_text()
    assert "resolver 127.0.0.11" in conf  # Docker's DNS, asked again: new replicas join
    assert re.search(r"set \$portal_web http://web:8000;\s*proxy_pass \$portal_web;", conf)
    [mount] = services["proxy"]["volumes"]
    source = mount if isinstance(mount, str) else f"{mount['source']}:{mount['target']}"
    assert source.startswith("./deploy/nginx/default.conf:/etc/nginx/conf.d/default.conf")
    assert services["scheduler"]["deploy"]["replicas"] == 1


def test_proxy_access_log_has_no_query_string_or_client_details():
    conf = (ROOT / "deploy" / "nginx" / "default.conf").read_text()
    log_format = conf.split("log_format portal_json", 1)[1].split(";", 1)[0]
    assert "$uri" in log_format
    for forbidden in (
        "$request_uri",
        "$request ",
        "$args",
        "$query_string",
        "$remote_addr",
        "$http_referer",
        "$http_user_agent",
        "$http_x_forwarded_for",
    ):
        assert forbidden not in log_format, forbidden
    assert "access_log /dev/stdout portal_json;" in conf


def test_no_secret_is_written_in_the_file():
    raw = yaml.safe_load(RAW)
    blocks = [raw["x-app"]["environment"]] + [
        service.get("environment", {}) for service in raw["services"].values()
    ]
    for environment in blocks:
        for name, value in environment.items():
            if SECRET_NAME.search(name):
                assert re.fullmatch(r"\$\{[A-Z_]+:\?[^}]+\}", str(value)), name
    # Credentials inside URLs come from variables too, and must be set (":?").
    for _user, password in re.findall(r"://([^:/@\s]+):([^@\s]+)@", RAW):
        assert re.fullmatch(r"\$\{[A-Z_]+:\?[^}]+\}", password), password
    assert not re.search(r"\$\{[A-Z_]*(PASSWORD|SECRET|TOKEN)[A-Z_]*:-", RAW)


def test_missing_password_stops_compose():
    env = {k: v for k, v in example_env().items() if k != "POSTGRES_PASSWORD"}
    with pytest.raises(KeyError, match="POSTGRES_PASSWORD"):
        interpolate(RAW, env)


def test_every_variable_is_documented_in_env_example():
    documented = set(example_env())
    used = {name for name, _op, _arg in _VARIABLE.findall(RAW)}
    assert used <= documented, used - documented

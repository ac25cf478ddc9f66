"""deploy/kubernetes/, checked without a cluster: both overlays render with kubectl's
built-in kustomize; every core object validates strictly against the Kubernetes schemas
of K8S_VERSION (kubernetes-validate, offline), the CloudNativePG objects against the
operator's vendored schema; and every workload has a release image, probes, a locked-down
security context and resource requests and limits. The scanner (checkov) runs in
`make k8s-scan`: its pins conflict with ours, so it keeps its own virtualenv."""

import copy
import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml
from django.conf import settings

from .test_scheduler import scheduler

ROOT = Path(settings.BASE_DIR)
KUBERNETES = ROOT / "deploy" / "kubernetes"
OVERLAYS = ("staging", "production")
# The Kubernetes version the manifests target (docs/operations.md, "15. Kubernetes").
K8S_VERSION = "1.33.0"
CNPG_SCHEMAS = KUBERNETES / "schemas" / "cnpg-v1.json"
PORTAL_IMAGE = "registry.example.org/checkin-portal"
# Secrets the manifests reference; made by hand or by the operator, never committed.
SECRETS = {"portal-secrets", "portal-db-app", "portal-db-backup", "portal-tls"}
DB_CLIENT_LABEL = "portal.example.org/database-client"


@cache
def rendered(overlay: str) -> tuple[dict, ...]:
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        if os.environ.get("REQUIRE_KUBECTL"):
            pytest.fail("kubectl is required (.ci/run installs it)")
        pytest.skip("kubectl is not installed (apt-get install kubectl)")
    result = subprocess.run(
        [kubectl, "kustomize", str(KUBERNETES / "overlays" / overlay)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return tuple(doc for doc in yaml.safe_load_all(result.stdout) if doc)


def objects(overlay, kind=None):
    return [o for o in rendered(overlay) if kind is None or o["kind"] == kind]


def one(overlay, kind, name):
    (found,) = [o for o in objects(overlay, kind) if o["metadata"]["name"] == name]
    return found


def pod_template(obj) -> dict:
    if obj["kind"] == "CronJob":
        return obj["spec"]["jobTemplate"]["spec"]["template"]
    return obj["spec"]["template"]


def pod_specs(overlay):
    """(object, pod spec) of every workload: Deployments, Jobs and CronJobs."""
    for obj in rendered(overlay):
        if obj["kind"] in ("Deployment", "Job", "CronJob"):
            yield obj, pod_template(obj)["spec"]


def containers(overlay):
    for obj, spec in pod_specs(overlay):
        for container in spec["containers"]:
            yield obj, spec, container


def env_of(container) -> dict:
    return {e["name"]: e.get("value") for e in container.get("env", [])}


def config(overlay) -> dict:
    (configmap,) = objects(overlay, "ConfigMap")
    return configmap["data"]


def closed(schema):
    """A CRD's schema as the API server's strict field validation reads it: an object
    with properties and no other allowance rejects a field it does not name."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if (
                "properties" in node
                and "additionalProperties" not in node
                and not node.get("x-kubernetes-preserve-unknown-fields")
            ):
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


@cache
def cnpg_schemas() -> dict:
    vendored = json.loads(CNPG_SCHEMAS.read_text())
    assert vendored["apiVersion"] == "postgresql.cnpg.io/v1"
    return {kind: closed(schema) for kind, schema in vendored["schemas"].items()}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_overlay_renders_every_part(overlay):
    kinds = sorted(o["kind"] for o in rendered(overlay))
    for kind, count in {
        "Deployment": 3,  # web, worker, redis
        "CronJob": len(scheduler.JOBS),
        "Job": 1,
        "HorizontalPodAutoscaler": 2,
        "PodDisruptionBudget": 2,
        "Ingress": 1,
        "Cluster": 1,
        "ScheduledBackup": 1,
        "Namespace": 1,
    }.items():
        assert kinds.count(kind) == count, (kind, kinds)
    assert "Secret" not in kinds  # referenced, never committed
    namespace = objects(overlay, "Namespace")[0]["metadata"]["name"]
    for obj in rendered(overlay):
        if obj["kind"] != "Namespace":
            assert obj["metadata"]["namespace"] == namespace, obj["metadata"]["name"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_core_objects_validate_strictly_against_the_kubernetes_schemas(overlay):
    checked = 0
    for obj in rendered(overlay):
        if obj["apiVersion"].startswith("postgresql.cnpg.io/"):
            continue
        kubernetes_validate.validate(obj, K8S_VERSION, strict=True)
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_cloudnativepg_objects_validate_against_the_operator_schema(overlay):
    schemas = cnpg_schemas()
    cnpg = [o for o in rendered(overlay) if o["apiVersion"].startswith("postgresql.cnpg.io/")]
    assert {o["kind"] for o in cnpg} == set(schemas)
    for obj in cnpg:
        jsonschema.validate(obj, schemas[obj["kind"]])


def test_the_vendored_schema_rejects_a_wrong_cluster():
    schema = cnpg_schemas()["Cluster"]
    good = one("production", "Cluster", "portal-db")
    jsonschema.validate(good, schema)
    for broken in (
        {"instances": "two"},
        {"storage": {"sise": "1Gi"}},  # a misspelt field
        {"primaryUpdateStrategy": "sometimes"},
    ):
        bad = copy.deepcopy(good)
        bad["spec"].update(broken)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_portal_workload_runs_the_overlays_release_image(overlay):
    kustomization = yaml.safe_load(
        (KUBERNETES / "overlays" / overlay / "kustomization.yaml").read_text()
    )
    (image,) = kustomization["images"]
    tag = image["newTag"]
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+(-rc\d+)?", tag), tag
    portal = 0
    for obj, _spec, container in containers(overlay):
        container_tag = container["image"].rpartition(":")[2]
        assert container_tag and container_tag != "latest", (obj["metadata"]["name"], container)
        assert container["imagePullPolicy"] == "Always"
        if obj["metadata"]["labels"].get("app.kubernetes.io/name") == "checkin-portal":
            assert container["image"] == f"{PORTAL_IMAGE}:{tag}"
            portal += 1
    assert portal == 3 + len(scheduler.JOBS)  # web, worker, migrate and the CronJobs


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_workload_is_locked_down(overlay):
    for obj, spec in pod_specs(overlay):
        where = obj["metadata"]["name"]
        assert spec["automountServiceAccountToken"] is False, where
        assert spec["serviceAccountName"] == "portal", where
        pod = spec["securityContext"]
        assert pod["runAsNonRoot"] is True, where
        assert pod["runAsUser"] >= 10000, where
        assert pod["seccompProfile"] == {"type": "RuntimeDefault"}, where
        assert "hostNetwork" not in spec and "hostPID" not in spec, where
        for container in spec["containers"]:
            context = container["securityContext"]
            assert context["readOnlyRootFilesystem"] is True, where
            assert context["allowPrivilegeEscalation"] is False, where
            assert context["privileged"] is False, where
            assert context["capabilities"] == {"drop": ["ALL"]}, where
    (account,) = objects(overlay, "ServiceAccount")
    assert account["automountServiceAccountToken"] is False


def _quantity(value: str) -> float:
    units = {"m": 1e-3, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}
    for unit, factor in units.items():
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
    return float(value)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_container_has_probes_and_bounded_resources(overlay):
    for obj, _spec, container in containers(overlay):
        where = obj["metadata"]["name"]
        assert "livenessProbe" in container and "readinessProbe" in container, where
        resources = container["resources"]
        for resource in ("cpu", "memory"):
            request = _quantity(resources["requests"][resource])
            limit = _quantity(resources["limits"][resource])
            assert 0 < request <= limit, (where, resource)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_web_probes_are_the_split_health_endpoints(overlay):
    web = one(overlay, "Deployment", "portal-web")
    (container,) = web["spec"]["template"]["spec"]["containers"]
    assert container["args"] == ["web"]
    # Readiness names the database and cache (503 when the database is down): the pod
    # leaves the Service. Liveness touches neither: a database outage restarts nothing.
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz/ready"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz/live"
    assert container["startupProbe"]["httpGet"]["path"] == "/healthz/live"
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        (host,) = container[probe]["httpGet"]["httpHeaders"]
        assert host["name"] == "Host"
        # Django answers 400 to a Host it does not allow.
        assert host["value"] in config(overlay)["ALLOWED_HOSTS"].split(",")
    # gunicorn finishes requests in flight before the kubelet kills the pod.
    assert web["spec"]["template"]["spec"]["terminationGracePeriodSeconds"] > 30
    assert "replicas" not in web["spec"]  # the HorizontalPodAutoscaler owns it


def test_healthz_paths_exist():
    from django.urls import resolve

    assert resolve("/healthz/ready").url_name == "healthz_ready"
    assert resolve("/healthz/live").url_name == "healthz_live"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_cronjobs_are_the_schedulers_jobs(overlay):
    plan = scheduler.Plan.from_env({})
    cronjobs = {o["metadata"]["name"]: o for o in objects(overlay, "CronJob")}
    assert set(cronjobs) == {f"portal-{job.name}" for job in scheduler.JOBS}
    for job in scheduler.JOBS:
        cronjob = cronjobs[f"portal-{job.name}"]["spec"]
        assert cronjob["concurrencyPolicy"] == "Forbid"
        assert cronjob["timeZone"] == config(overlay)["TIME_ZONE"]
        if job.every == "hourly":
            expected = f"{plan.hourly_minute} * * * *"
        else:
            expected = f"{plan.nightly_at.minute} {plan.nightly_at.hour} * * *"
        assert cronjob["schedule"] == expected, job.name
        assert cronjob["jobTemplate"]["spec"]["activeDeadlineSeconds"] == job.timeout
        (container,) = cronjob["jobTemplate"]["spec"]["template"]["spec"]["containers"]
        assert container["args"] == ["python", "manage.py", *job.command]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_migrate_job_runs_the_images_migrate_role(overlay):
    migrate = one(overlay, "Job", "portal-migrate")
    (container,) = migrate["spec"]["template"]["spec"]["containers"]
    assert container["args"] == ["migrate"]
    assert migrate["spec"]["template"]["spec"]["restartPolicy"] == "Never"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_database_settings_come_from_the_operators_services_and_secret(overlay):
    for obj, _spec, container in containers(overlay):
        env = env_of(container)
        if "DATABASE_URL" not in env:
            continue
        labels = pod_template(obj)["metadata"]["labels"]
        # Only pods with this label get through the database's NetworkPolicy.
        assert labels[DB_CLIENT_LABEL] == "true", obj["metadata"]["name"]
        assert "@portal-db-rw:5432/" in env["DATABASE_URL"]
        refs = {
            e["valueFrom"]["secretKeyRef"]["name"] for e in container["env"] if "valueFrom" in e
        }
        assert refs == {"portal-db-app"}
    web = one(overlay, "Deployment", "portal-web")["spec"]["template"]["spec"]["containers"][0]
    assert "@portal-db-ro:5432/" in env_of(web)["DATABASE_REPLICA_URL"]
    cluster = one(overlay, "Cluster", "portal-db")["spec"]
    assert cluster["instances"] == 2  # a primary and a replica
    assert cluster["bootstrap"]["initdb"] == {"database": "checkin_portal", "owner": "checkin"}
    store = cluster["backup"]["barmanObjectStore"]
    assert store["destinationPath"].startswith("s3://")
    assert store["s3Credentials"]["accessKeyId"]["name"] == "portal-db-backup"
    assert config(overlay)["CACHE_URL"] == "redis://portal-redis:6379/0"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_only_known_secrets_are_referenced(overlay):
    text = yaml.safe_dump_all(rendered(overlay))
    names = set(re.findall(r"secretName: (\S+)", text))
    for _obj, _spec, container in containers(overlay):
        names |= {e["secretRef"]["name"] for e in container.get("envFrom", []) if "secretRef" in e}
        names |= {
            e["valueFrom"]["secretKeyRef"]["name"]
            for e in container.get("env", [])
            if "valueFrom" in e
        }
    cluster = one(overlay, "Cluster", "portal-db")["spec"]["backup"]["barmanObjectStore"]
    names |= {ref["name"] for ref in cluster["s3Credentials"].values()}
    assert names == SECRETS


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_network_policies_let_only_the_ingress_reach_web_and_only_the_portal_the_data(overlay):
    policies = {o["metadata"]["name"]: o["spec"] for o in objects(overlay, "NetworkPolicy")}
    assert policies["default-deny-ingress"] == {"podSelector": {}, "policyTypes": ["Ingress"]}
    (web_rule,) = policies["web-from-ingress"]["ingress"]
    assert web_rule["from"] == [
        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}}
    ]
    (redis_rule,) = policies["redis-from-portal"]["ingress"]
    assert redis_rule["from"] == [{"podSelector": {"matchLabels": {DB_CLIENT_LABEL: "true"}}}]
    database_sources = [
        source for rule in policies["database-from-portal"]["ingress"] for source in rule["from"]
    ]
    assert {"podSelector": {"matchLabels": {DB_CLIENT_LABEL: "true"}}} in database_sources
    assert all("ipBlock" not in source for source in database_sources)
    # Nothing but the portal's own pods carries the label (not Redis, not the database).
    redis = one(overlay, "Deployment", "portal-redis")["spec"]["template"]["metadata"]["labels"]
    assert DB_CLIENT_LABEL not in redis
    ingress = one(overlay, "Ingress", "portal")["spec"]
    assert ingress["tls"][0]["secretName"] == "portal-tls"
    assert ingress["tls"][0]["hosts"] == [ingress["rules"][0]["host"]]
    assert ingress["rules"][0]["host"] in config(overlay)["ALLOWED_HOSTS"].split(",")


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_autoscalers_and_budgets_match_their_workloads(overlay):
    deployments = {o["metadata"]["name"]: o for o in objects(overlay, "Deployment")}
    for hpa in objects(overlay, "HorizontalPodAutoscaler"):
        target = hpa["spec"]["scaleTargetRef"]
        assert target["kind"] == "Deployment" and target["name"] in deployments
        assert 1 <= hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]
    for budget in objects(overlay, "PodDisruptionBudget"):
        selector = budget["spec"]["selector"]["matchLabels"]
        assert any(
            d["spec"]["selector"]["matchLabels"] == selector for d in deployments.values()
        ), budget["metadata"]["name"]
    web_budget = one(overlay, "PodDisruptionBudget", "portal-web")["spec"]["minAvailable"]
    web_hpa = one(overlay, "HorizontalPodAutoscaler", "portal-web")["spec"]
    assert web_budget < web_hpa["minReplicas"]  # a node can always be drained


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_database_connections_fit_at_the_autoscalers_maxima(overlay):
    """docs/operations.md, "Scaling": every process keeps a pool of up to DB_POOL_MAX_SIZE
    connections, gunicorn refuses more threads than that; max_connections must hold the
    worst case with every autoscaler at its maximum."""
    data = config(overlay)
    pool = int(data["DB_POOL_MAX_SIZE"])
    assert int(data["GUNICORN_THREADS"]) <= pool
    web = one(overlay, "HorizontalPodAutoscaler", "portal-web")["spec"]["maxReplicas"]
    worker = one(overlay, "HorizontalPodAutoscaler", "portal-worker")["spec"]["maxReplicas"]
    jobs = len(scheduler.JOBS) + 1  # every CronJob at once, and migrate: 2 each
    worst = web * int(data["WEB_CONCURRENCY"]) * pool + worker * pool + jobs * 2 + 10
    cluster = one(overlay, "Cluster", "portal-db")["spec"]
    assert int(cluster["postgresql"]["parameters"]["max_connections"]) >= worst


def test_checkov_skips_are_explained():
    """`make k8s-scan`: every skipped check has its reason next to it."""
    text = (KUBERNETES / ".checkov.yaml").read_text()
    skips = yaml.safe_load(text)["skip-check"]
    assert skips
    for check in skips:
        before = text.split(f"- {check}")[0].rstrip().splitlines()[-1]
        assert before.strip().startswith("#"), check


def _selected(overlay, components):
    return sorted(
        (
            o["kind"],
            o["metadata"]["name"].rsplit("-", 1)[0]
            if o["kind"] == "ConfigMap"
            else o["metadata"]["name"],
        )
        for o in rendered(overlay)
        if o["metadata"].get("labels", {}).get("app.kubernetes.io/component") in components
    )


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_runbooks_selectors_pick_the_right_objects(overlay):
    """docs/operations.md, "15. Kubernetes": the database goes first, then the settings
    with the migrate Job alone (the Job needs the new ConfigMap), then everything."""
    assert _selected(overlay, {"database"}) == [
        ("Cluster", "portal-db"),
        ("ScheduledBackup", "portal-db-nightly"),
    ]
    assert _selected(overlay, {"config", "migrate"}) == [
        ("ConfigMap", "portal-config"),
        ("Job", "portal-migrate"),
    ]
    migrate = one(overlay, "Job", "portal-migrate")["spec"]["template"]["spec"]["containers"][0]
    (configmap,) = objects(overlay, "ConfigMap")
    assert migrate["envFrom"][0]["configMapRef"]["name"] == configmap["metadata"]["name"]

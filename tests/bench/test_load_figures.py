"""The load benchmark's figures that come from its own arithmetic (bench/load.py): the
machine's shares of CPU during a measurement, and a page's ratio to the bare template
view in CPU per operation beside the one in throughput. The benchmark itself is never
part of the test suite."""

import importlib.util
import sys
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def load():
    sys.path.insert(0, str(_BENCH))  # load.py imports load_client as the script does
    try:
        spec = importlib.util.spec_from_file_location("bench_load", _BENCH / "load.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_load"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(_BENCH))
        sys.modules.pop("bench_load", None)


def test_machine_ticks_read_the_first_line_of_proc_stat(load, tmp_path):
    stat = tmp_path / "stat"
    # user nice system idle iowait irq softirq steal guest guest_nice
    stat.write_text("cpu  100 5 20 300 7 1 2 40 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n")
    assert load.machine_ticks(stat) == {"busy": 128, "idle": 307, "steal": 40}


def test_shares_are_of_the_ticks_spent_between_two_readings(load):
    before = {"busy": 100, "idle": 50, "steal": 10}
    after = {"busy": 250, "idle": 80, "steal": 30}
    assert load.shares(before, after) == {"busy": 0.75, "idle": 0.15, "steal": 0.1}
    assert load.shares(before, before) == {"busy": 0.0, "idle": 0.0, "steal": 0.0}


def test_the_cpu_ratio_is_the_ceilings_cpu_per_operation_over_the_pages(load):
    def row(app, db, client):
        return {"app_cpu_ms_per_op": app, "db_cpu_ms_per_op": db, "client_cpu_ms_per_op": client}

    before, after = row(1.2, 0.0, 0.3), row(1.4, 0.0, 0.3)  # 1.5 and 1.7 ms: mean 1.6
    page = row(2.4, 0.4, 0.4)  # 3.2 ms
    assert load.cpu_ratio(page, [before, after]) == 0.5
    assert load.cpu_ratio(row(0, 0, 0), [before, after]) is None


def _fake_measure(steals, idles=None):
    """measure() answering each call with the next share of stolen CPU (and of the
    machine left idle: none unless given)."""
    calls = []

    def measure(target, scenario, clients, duration, bookings):
        steal = steals[len(calls)]
        idle = idles[len(calls)] if idles else 0.0
        calls.append(scenario)
        ops = 1000.0 if scenario == "template" else 500.0
        return {
            "target": "t",
            "scenario": scenario,
            "clients": clients,
            "ops_per_s": ops,
            "app_cpu_ms_per_op": 1.0 if scenario == "template" else 2.0,
            "db_cpu_ms_per_op": 0.0,
            "client_cpu_ms_per_op": 0.0,
            "machine_share": {"busy": 1 - steal - idle, "idle": idle, "steal": steal},
        }

    return measure, calls


class _Args:
    duration, bookings = 6.0, 1


def test_a_bracket_the_hypervisor_disturbed_is_measured_again(load, monkeypatch):
    # The first bracket lost 20 % of the machine during the page: measured again.
    measure, calls = _fake_measure([0.0, 0.2, 0.0, 0.0, 0.01, 0.0])
    monkeypatch.setattr(load, "measure", measure)
    rows = load._bracketed("target", "finder", 8, _Args())
    assert calls == ["template", "finder", "template"] * 2
    assert [r.get("disturbed", False) for r in rows] == [True] * 3 + [False] * 3
    assert rows[4]["ratio_to_template"] == 0.5 and "ratio_to_template" not in rows[1]


def test_a_bracket_in_which_the_machine_stalled_is_measured_again(load, monkeypatch):
    # The page left a third of the machine idle, its ceilings 3 %: measured again.
    measure, calls = _fake_measure([0.0] * 6, idles=[0.03, 0.33, 0.03, 0.03, 0.05, 0.04])
    monkeypatch.setattr(load, "measure", measure)
    rows = load._bracketed("target", "finder", 8, _Args())
    assert calls == ["template", "finder", "template"] * 2
    assert [r.get("disturbed", False) for r in rows] == [True] * 3 + [False] * 3


def test_a_bracket_equally_idle_throughout_is_not_a_stall(load, monkeypatch):
    # One client leaves much of the machine idle in every measurement: that is its load.
    measure, calls = _fake_measure([0.0] * 3, idles=[0.42, 0.45, 0.40])
    monkeypatch.setattr(load, "measure", measure)
    rows = load._bracketed("target", "finder", 1, _Args())
    assert calls == ["template", "finder", "template"]
    assert not any(r.get("disturbed") for r in rows)


def test_a_bracket_disturbed_every_time_keeps_its_last_figures_flagged(load, monkeypatch):
    measure, calls = _fake_measure([0.1] * 9)
    monkeypatch.setattr(load, "measure", measure)
    rows = load._bracketed("target", "finder", 8, _Args())
    assert len(calls) == 3 * load.BRACKET_ATTEMPTS
    assert all(r["disturbed"] for r in rows)
    assert rows[-2]["ratio_to_template"] == 0.5  # reported, and marked as disturbed


def test_the_summary_gives_each_pages_median_over_its_undisturbed_measurements(load):
    def row(target, scenario, ops, ratio=None, disturbed=False):
        found = {"target": target, "scenario": scenario, "clients": 8, "ops_per_s": ops}
        if ratio is not None:
            found["ratio_to_template"] = ratio
        if disturbed:
            found["disturbed"] = True
        return found

    rows = [
        row("old", "template", 1000.0),
        row("old", "finder", 200.0, 0.2),
        row("new", "finder", 500.0, 0.5),
        row("new", "finder", 100.0, 0.1, disturbed=True),  # left out: another guest's
        row("new", "finder", 560.0, 0.56),
        row("new", "finder", 520.0, 0.52),
        row("old", "booking", 20.0),
        row("new", "booking", 60.0),
        row("old", "booking", 10.0),
        row("new", "booking", 40.0),
    ]
    summary = {(s["target"], s["scenario"]): s for s in load.summary(rows)}
    assert ("old", "template") not in summary  # the ceiling is what ratios are to
    finder = summary[("new", "finder")]
    assert (finder["n"], finder["disturbed_left_out"]) == (3, 1)
    assert finder["ratio_median"] == 0.52 and finder["ratio_range"] == [0.5, 0.56]
    assert finder["ops_per_s_median"] == 520.0
    assert finder["times_first_target"] == 2.6  # 520 ÷ 200, old's median
    booking = summary[("new", "booking")]
    assert booking["ops_per_s_median"] == 50.0 and booking["times_first_target"] == 3.333
    assert "ratio_median" not in booking
    assert summary[("old", "booking")]["times_first_target"] == 1.0


def test_a_page_disturbed_every_time_is_summed_up_from_all_and_says_so(load):
    rows = [
        {"target": "t", "scenario": "times", "clients": 8, "ops_per_s": ops, "disturbed": True}
        for ops in (100.0, 300.0)
    ]
    (line,) = load.summary(rows)
    assert (line["n"], line["all_disturbed"], line["ops_per_s_median"]) == (2, True, 200.0)


def test_the_summary_compares_each_scale_with_its_own_first_target(load):
    rows = [
        {"target": f"{ref}@{scale}", "scenario": "booking", "clients": 8, "ops_per_s": ops}
        for ref, scale, ops in [
            ("old", "small", 20.0),
            ("new", "small", 60.0),
            ("old", "national", 10.0),
            ("new", "national", 40.0),
        ]
    ]
    times = {line["target"]: line["times_first_target"] for line in load.summary(rows)}
    assert times == {"old@small": 1.0, "new@small": 3.0, "old@national": 1.0, "new@national": 4.0}


def test_a_bracket_disturbed_every_time_is_summed_up_from_its_last_attempt(load):
    def row(ops, last):
        found = {"target": "t", "scenario": "finder", "clients": 8, "ops_per_s": ops}
        found["disturbed"] = True
        if last:
            found.update(ratio_to_template=0.5, ceiling_ops_per_s=[1000.0, 1000.0])
        return found

    (line,) = load.summary([row(100.0, False), row(200.0, False), row(500.0, True)])
    assert (line["n"], line["ops_per_s_median"], line["ratio_median"]) == (1, 500.0, 0.5)

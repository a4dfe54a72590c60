#!/usr/bin/env python3
"""bench/run's bookkeeping: one JSON line per measured wrk run, and the summary (summary.json, summary.txt) of them.

  summary.py record GROUP ROUND RESULT_LINE TICKS_BEFORE TICKS_AFTER METERS_BEFORE METERS_AFTER CLK_TCK
      prints one JSON line: wrk's result, CPU per request of every process that used CPU, the gateway timers' mean
  summary.py summarize OUT_DIR
      reads OUT_DIR/runs.jsonl and OUT_DIR/facts.txt (key=value lines), writes OUT_DIR/summary.json and prints the
      table that bench/run saves as summary.txt

CPU per request = (user + system CPU ticks of the process and its children during the run) / requests completed.
It is the headline because it holds still on a shared 2-core machine where throughput does not: wrk, the gateway
and the services compete for the same cores, so req/s moves with whatever else runs, CPU per request much less.
"""
import json
import os
import statistics
import sys

READS = [("direct", "GET product direct, with token"),
         ("gateway-token", "GET product via gateway, with token"),
         ("gateway-anonymous", "GET product via gateway, anonymous"),
         ("floor-token", "GET product via bare Zuul 1, with token"),
         ("floor-ribbon-token", "GET product via Zuul+Ribbon+Hystrix, token")]
OTHERS = [("catalog-legacy", "GET product, catalog switch LEGACY"),
          ("catalog-shadow", "GET product, catalog switch SHADOW"),
          ("orders-paced", "POST order, paced (4 connections)"),
          ("orders-saturation", "POST order, saturation (8 connections)"),
          ("orders-confirmed", "POST order -> CONFIRMED (Prefer: wait)")]
GATEWAY, PRODUCT, FLOOR, RIBBON_FLOOR = "zuul-gateway", "product-service", "zuul-floor", "zuul-floor-ribbon"
TARGET_TOKEN_RATIO, TARGET_ANONYMOUS_RATIO = 0.5, 0.6
# Calibration at the end against the start: beyond this the host's speed moved under the run (one full run of
# 2026-12-06: 182 ms at its start, 220-288 right after), more than the rounds' own spread.
SPEED_CHANGE_PERCENT = 10
# The gateway against bare Zuul 1 proxying the same read in the same run (issue 30: the floor, not an absolute).
# The targets are against the host-routing floor; the Ribbon floor's ratio is shown beside it, not judged.
TARGET_FLOOR_RATIO_TOKEN, TARGET_FLOOR_RATIO_ANONYMOUS = 1.3, 1.2


def parse_pairs(text):
    """'name value' lines -> dict of floats."""
    pairs = {}
    for line in text.strip().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            pairs[parts[0]] = [float(p) for p in parts[1:]]
    return pairs


def record(group, rnd, result_line, before, after, meters_before, meters_after, clk_tck):
    result = {}
    for field in result_line.split()[1:]:
        key, _, value = field.partition("=")
        result[key] = float(value) if value not in ("-", "") else None
    requests = result.get("requests") or 0
    cpu = {}
    start, end = parse_pairs(before), parse_pairs(after)
    for name, ticks in end.items():
        if name in start and requests > 0:
            used = ticks[0] - start[name][0]
            if used > 0:
                cpu[name] = round(used / float(clk_tck) * 1e6 / requests, 1)
    meters = {}
    m0, m1 = parse_pairs(meters_before), parse_pairs(meters_after)
    for name, (count, total) in m1.items():
        if name in m0 and count > m0[name][0]:
            meters[name] = round((total - m0[name][1]) / (count - m0[name][0]) * 1e6, 2)
    print(json.dumps({"group": group, "round": int(rnd), "result": result, "cpu_us_per_request": cpu,
                      "timer_mean_us": meters}))


def stats(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    mean = statistics.mean(values)
    return {"mean": round(mean, 2), "min": min(values), "max": max(values), "runs": len(values),
            "spread_pct": round((max(values) - min(values)) / mean * 100, 1) if mean else 0.0}


def fmt(s, digits=0):
    if s is None:
        return "-"
    if s["runs"] == 1:
        return f"{s['mean']:.{digits}f}"
    return f"{s['mean']:.{digits}f} [{s['min']:.{digits}f}-{s['max']:.{digits}f}]"


def summarize(out):
    runs = [json.loads(line) for line in open(os.path.join(out, "runs.jsonl")) if line.strip()]
    facts = {}
    for line in open(os.path.join(out, "facts.txt")):
        key, _, value = line.rstrip("\n").partition("=")
        facts[key] = value
    by_group = {}
    for run in runs:
        by_group.setdefault(run["group"], []).append(run)

    groups = {}
    for group, members in by_group.items():
        processes = sorted({p for r in members for p in r["cpu_us_per_request"]})
        timers = sorted({t for r in members for t in r["timer_mean_us"]})
        groups[group] = {
            "runs": len(members),
            "rps": stats([r["result"]["rps"] for r in members]),
            "p50_ms": stats([r["result"]["p50_ms"] for r in members]),
            "p99_ms": stats([r["result"]["p99_ms"] for r in members]),
            "p999_ms": stats([r["result"].get("p999_ms") for r in members]),
            "failed": sum(int(r["result"]["failed"]) for r in members),
            "requests": sum(int(r["result"]["requests"]) for r in members),
            "cpu_us_per_request": {p: stats([r["cpu_us_per_request"].get(p) for r in members]) for p in processes},
            "timer_mean_us": {t: stats([r["timer_mean_us"].get(t) for r in members]) for t in timers},
        }

    def ratio(of, to):
        pairs = {}
        for run in by_group.get(to, []):
            pairs.setdefault(run["round"], {})["to"] = run["result"]["rps"]
        for run in by_group.get(of, []):
            pairs.setdefault(run["round"], {})["of"] = run["result"]["rps"]
        return stats([p["of"] / p["to"] for p in pairs.values() if "of" in p and "to" in p and p["to"]])

    summary = {
        "when": facts.get("when"),
        "machine": {"cores": int(facts.get("cores", "0")), "jdk": facts.get("jdk"), "os": facts.get("os"),
                    "calibration_ms": num(facts.get("calibration_ms")),
                    "calibration_end_ms": num(facts.get("calibration_end_ms"))},
        "settings": {k: facts.get(k) for k in ("duration", "rounds", "connections", "trace_sampling",
                                               "warmup_rule", "order_rate")},
        "warmup": json.loads(facts.get("warmup", "{}")),
        "groups": groups,
        "ratios": {"gateway_token_over_direct": ratio("gateway-token", "direct"),
                   "gateway_anonymous_over_direct": ratio("gateway-anonymous", "direct"),
                   "bare_zuul_over_direct": ratio("floor-token", "direct")},
        "gateway_cpu_over_floor": cpu_ratios(groups, "floor-token", FLOOR),
        "gateway_cpu_over_ribbon_floor": cpu_ratios(groups, "floor-ribbon-token", RIBBON_FLOOR),
        "cold_start_s": {"api_ready": num(facts.get("api_ready")), "all_ready": num(facts.get("all_ready")),
                         "startup_cpu_s": num(facts.get("startup_cpu_s")),
                         "class_data": facts.get("cold_start_class_data", "archived")},
        "cold_start_quick_jit_s": {"api_ready": num(facts.get("quick_jit_api_ready")),
                                   "all_ready": num(facts.get("quick_jit_all_ready")),
                                   "startup_cpu_s": num(facts.get("quick_jit_startup_cpu_s"))},
        "memory_mb": {"total_pss_after_run": num(facts.get("total_pss_mb"))},
        "discovery": {"ready_to_routed_s": num(facts.get("routed_after_s")),
                      "kill_to_evicted_s": num(facts.get("evicted_after_s")),
                      "failed_reads_during_kill": num(facts.get("kill_failed")),
                      "reads_during_kill": num(facts.get("kill_requests"))},
        "mode": facts.get("mode", "full"),
        "phases_started_at_s": phases(facts.get("phases", "")),
        "migration": {"shadow_counters": facts.get("shadow_counters"),
                      "console_page_ms": facts.get("console_page_ms"),
                      "sync_lag_ms_under_order_load": facts.get("sync_lag_ms")},
        "orders": {"pending_after_end_to_end_run": num(facts.get("orders_pending")),
                   "saturation_backlog_drained_after_s": num(facts.get("saga_drained_after_s"))},
    }
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print_table(summary, facts)


def phases(text):
    """The bench's own timing: "name:seconds,..." (each phase's start since the bench's) as an ordered mapping."""
    return {name: num(at) for name, _, at in (entry.partition(":") for entry in text.split(",") if entry)}


def per_calibration(us, s):
    """A CPU cost in µs per calibration millisecond, for another machine's figures to compare with."""
    cal = s["machine"].get("calibration_ms")
    mean = us.get("mean") if isinstance(us, dict) else us
    return f" ({mean / cal:.2f} µs/cal)" if cal and mean is not None else ""


def per_calibration_s(seconds, s):
    cal = s["machine"].get("calibration_ms")
    return f" ({seconds * 1000 / cal:.0f} cal)" if cal and seconds is not None else ""


def ratio_of(a, b):
    a = a.get("mean") if isinstance(a, dict) else a
    b = b.get("mean") if isinstance(b, dict) else b
    return f"{a / b:.2f}" if a is not None and b else "-"


def num(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def cpu_of(groups, group, process):
    return groups.get(group, {}).get("cpu_us_per_request", {}).get(process)


def floor_process(group):
    """The bare Zuul that served a group's requests."""
    return RIBBON_FLOOR if group == "floor-ribbon-token" else FLOOR


def cpu_ratios(groups, floor_group, floor):
    """The gateway's mean CPU per request over a floor's, with a token and anonymous (None without that floor)."""
    below = (cpu_of(groups, floor_group, floor) or {}).get("mean")
    ratios = {}
    for key, group in (("token", "gateway-token"), ("anonymous", "gateway-anonymous")):
        above = (cpu_of(groups, group, GATEWAY) or {}).get("mean")
        ratios[key] = round(above / below, 2) if above is not None and below else None
    return ratios


def print_table(s, facts):
    g = s["groups"]
    print(f"msa-kit benchmark ({s['mode']} run), {s['when']}, {s['machine']['cores']} cores, {s['machine']['jdk']}")
    st = s["settings"]
    print(f"{st['rounds']} rounds of {st['duration']} per measurement, alternating; {st['connections']} connections for "
          f"reads; tracing sampled at {st['trace_sampling']}; warm-up: {st['warmup_rule']}")
    print("Figures: mean [min-max] over the runs.")
    cal, cal_end = s["machine"].get("calibration_ms"), s["machine"].get("calibration_end_ms")
    if cal:
        print(f"Calibration: {fmt_num(cal, 1)} ms for bench/Calibration.java's fixed work on one "
              "core; \"/cal\" figures are divided by it, to compare machines (or one machine on a busy day).")
    if cal and cal_end:
        change = (cal_end - cal) / cal * 100
        print(f"At the end, the suite stopped: {fmt_num(cal_end, 1)} ms ({change:+.0f} %)"
              + ("; the machine's speed changed during the run, so its figures are not comparable with other runs'."
                 if abs(change) > SPEED_CHANGE_PERCENT else "."))
    print()
    print("CPU per request, µs (from /proc: user + system time / requests)")
    print(f"  {'':44} {GATEWAY:>22} {'bare Zuul (' + FLOOR + '*)':>22} {PRODUCT:>22}")
    for group, label in READS:
        print(f"  {label:44} {fmt(cpu_of(g, group, GATEWAY)):>22} {fmt(cpu_of(g, group, floor_process(group))):>22} "
              f"{fmt(cpu_of(g, group, PRODUCT)):>22}")
    print()
    print(f"  {'measurement':44} {'req/s':>22} {'p50 ms':>16} {'p99 ms':>16} {'failed':>7}")
    for group, label in READS + OTHERS:
        if group in g:
            print(f"  {label:44} {fmt(g[group]['rps']):>22} {fmt(g[group]['p50_ms'], 1):>16} "
                  f"{fmt(g[group]['p99_ms'], 1):>16} {g[group]['failed']:>7}")
    print()
    r = s["ratios"]
    gt, ga = cpu_of(g, "gateway-token", GATEWAY), cpu_of(g, "gateway-anonymous", GATEWAY)
    print(f"  {'gateway CPU per request, with token':50} {fmt(gt)} µs{per_calibration(gt, s)}")
    print(f"  {'gateway CPU per request, anonymous':50} {fmt(ga)} µs{per_calibration(ga, s)}")
    floor = cpu_of(g, "floor-token", FLOOR)
    if floor:
        print(f"  {'bare Zuul 1 on Tomcat (the floor), with token':50} {fmt(floor)} µs{per_calibration(floor, s)}"
              f"   (gateway with token minus it: {delta(gt, floor)} µs, our filters and Ribbon/Hystrix/tracing)")
        print(f"  {'gateway / floor CPU per request':50} with token {ratio_of(gt, floor)} (target <= "
              f"{TARGET_FLOOR_RATIO_TOKEN}), anonymous {ratio_of(ga, floor)} (target <= {TARGET_FLOOR_RATIO_ANONYMOUS})")
        print(f"  {'bare Zuul / direct throughput, with token':50} {fmt(r['bare_zuul_over_direct'], 2)}")
    ribbon_floor = cpu_of(g, "floor-ribbon-token", RIBBON_FLOOR)
    if ribbon_floor:
        print(f"  {'bare Zuul 1 via Ribbon+Hystrix, with token':50} {fmt(ribbon_floor)} µs"
              f"{per_calibration(ribbon_floor, s)}   (gateway with token minus it: {delta(gt, ribbon_floor)} µs, our "
              "filters, Eureka and tracing)")
        print(f"  {'gateway / Ribbon floor CPU per request':50} with token {ratio_of(gt, ribbon_floor)}, anonymous "
              f"{ratio_of(ga, ribbon_floor)} (the targets are against the floor above)")
    print(f"  {'gateway / direct throughput, with token':50} {fmt(r['gateway_token_over_direct'], 2)}   "
          f"(target >= {TARGET_TOKEN_RATIO})")
    print(f"  {'gateway / direct throughput, anonymous':50} {fmt(r['gateway_anonymous_over_direct'], 2)}   "
          f"(target >= {TARGET_ANONYMOUS_RATIO})")
    switch = [g[k]["timer_mean_us"].get("migration.decision") for k in ("gateway-token", "gateway-anonymous")
              if k in g]
    canary = [g[k]["timer_mean_us"].get("gateway.canary.overhead") for k in ("gateway-token", "gateway-anonymous")
              if k in g]
    print(f"  {'migration switch decision per request (timer)':50} "
          f"{' / '.join(fmt(x, 1) for x in switch)} µs (token / anonymous runs)")
    print(f"  {'canary router per request, no release (timer)':50} "
          f"{' / '.join(fmt(x, 1) for x in canary)} µs (token / anonymous runs)")
    if "catalog-legacy" in g and "catalog-shadow" in g:
        print(f"  {'SHADOW minus LEGACY, gateway CPU per request':50} "
              f"{delta(cpu_of(g, 'catalog-shadow', GATEWAY), cpu_of(g, 'catalog-legacy', GATEWAY))} µs; "
              f"p50 {delta(g['catalog-shadow']['p50_ms'], g['catalog-legacy']['p50_ms'], 1)} ms, "
              f"p99 {delta(g['catalog-shadow']['p99_ms'], g['catalog-legacy']['p99_ms'], 1)} ms")
        print(f"  {'shadow replays during the SHADOW runs':50} {s['migration']['shadow_counters']}")
    if s["migration"].get("console_page_ms"):
        print(f"  {'console features page (logged in)':50} {s['migration']['console_page_ms']} ms")
    if s["migration"].get("sync_lag_ms_under_order_load"):
        print(f"  {'sync lag new -> legacy (an edit, under order load)':50} "
              f"{s['migration']['sync_lag_ms_under_order_load']} ms")
    if "orders-confirmed" in g:
        oc = g["orders-confirmed"]
        per_order = ", ".join(f"{p} {fmt(v)}" for p, v in sorted(oc["cpu_us_per_request"].items(),
                                                                   key=lambda kv: -kv[1]["mean"])[:6])
        print(f"  {'orders confirmed per second, end to end':50} {fmt(oc['rps'], 1)}   (after the saturation "
              f"run's backlog drained: {fmt_num(s['orders']['saturation_backlog_drained_after_s'])} s)")
        print(f"  {'CPU per confirmed order, µs':50} {per_order}")
        print(f"  {'orders still PENDING after that run':50} {fmt_num(s['orders']['pending_after_end_to_end_run'])}"
              f"   (of the newest 100; target 0)")
    d = s["discovery"]
    print(f"  {'failed reads while an instance was killed':50} {fmt_num(d['failed_reads_during_kill'])} of "
          f"{fmt_num(d['reads_during_kill'])}   (target 0)")
    print(f"  {'new instance: ready -> first routed request':50} {fmt_num(d['ready_to_routed_s'], 1)} s   (target <= 5)")
    print(f"  {'killed instance: kill -9 -> gone from Eureka':50} {fmt_num(d['kill_to_evicted_s'], 1)} s")
    cs = s["cold_start_s"]
    print(f"  {'cold start (./msa up): API ready, all ready':50} {fmt_num(cs['api_ready'])} s, "
          f"{fmt_num(cs['all_ready'])} s   (target all <= 45){per_calibration_s(cs['all_ready'], s)}")
    if cs.get("startup_cpu_s") is not None:
        print(f"  {'  CPU of all processes until all ready':50} {fmt_num(cs['startup_cpu_s'], 1)} CPU-s   "
              f"(target <= 70){per_calibration_s(cs['startup_cpu_s'], s)}")
    quick = s.get("cold_start_quick_jit_s") or {}
    if quick.get("all_ready") is not None:
        print(f"  {'  the same with MSA_QUICK_JIT=1 (C1 only)':50} {fmt_num(quick['api_ready'])} s, "
              f"{fmt_num(quick['all_ready'])} s, {fmt_num(quick['startup_cpu_s'], 1)} CPU-s   (not the default: the "
              f"request paths pay for it)")
    if cs.get("class_data", "archived") != "archived":
        print(f"  {'':50} class-data archives: {cs['class_data']}, so slower than users' later starts")
    print(f"  {'total memory (PSS) after the run':50} {fmt_num(s['memory_mb']['total_pss_after_run'])} MB   "
          f"(target <= 3072)")
    print()
    print("Warm-up per path (seconds until throughput held still):",
          ", ".join(f"{k} {v}" for k, v in s["warmup"].items()))
    if facts.get("processes"):
        print()
        print("Memory per process after the run (MB, PSS):")
        for entry in facts["processes"].split(","):
            name, _, mb = entry.partition(":")
            print(f"  {name:22} {mb}")
    started = s["phases_started_at_s"]
    if started:
        names = list(started)
        print()
        print(f"The bench itself: {started[names[-1]]:.0f} s until this summary ("
              + ", ".join(f"{name} {started[after] - started[name]:.0f} s" for name, after in zip(names, names[1:]))
              + ")")


def delta(a, b, digits=0):
    if a is None or b is None:
        return "-"
    return f"{a['mean'] - b['mean']:+.{digits}f}"


def fmt_num(value, digits=0):
    return "-" if value is None else f"{value:.{digits}f}"


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "record" and len(sys.argv) == 10:
        record(*sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "summarize":
        summarize(sys.argv[2])
    else:
        sys.exit(__doc__)

#!/usr/bin/env python3
"""Latency over time as an SVG line chart, from a CSV of per-slice wrk results (no third-party packages).

usage: plot.py TIMELINE.csv OUT.svg "title" [marker_second "marker label"]
CSV columns: second,rps,p50_ms,p99_ms,failed
"""
import csv
import sys

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 820, 360, 60, 20, 40, 50


def main():
    rows = [r for r in csv.DictReader(open(sys.argv[1]))]
    out, title = sys.argv[2], sys.argv[3]
    marker = float(sys.argv[4]) if len(sys.argv) > 4 else None
    label = sys.argv[5] if len(sys.argv) > 5 else ""
    xs = [float(r["second"]) for r in rows]
    series = {"p50 ms": [float(r["p50_ms"]) for r in rows], "p99 ms": [float(r["p99_ms"]) for r in rows]}
    x_max = max(xs) or 1.0
    y_max = max(max(v) for v in series.values()) * 1.1 or 1.0

    def x(v):
        return LEFT + (WIDTH - LEFT - RIGHT) * v / x_max

    def y(v):
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * v / y_max

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" font-family="sans-serif" '
             f'font-size="12"><rect width="100%" height="100%" fill="white"/>',
             f'<text x="{LEFT}" y="22" font-size="15">{title}</text>']
    for i in range(6):
        value = y_max * i / 5
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#ddd"/>'
                     f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{value:.0f}</text>')
    for i in range(6):
        value = x_max * i / 5
        parts.append(f'<text x="{x(value):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">{value:.0f} s</text>')
    parts.append(f'<text x="{LEFT}" y="{HEIGHT - 10}">latency (ms) per 1-second slice; '
                 f'total failed requests: {sum(int(r["failed"]) for r in rows)}</text>')
    for (name, values), colour in zip(series.items(), ["#1f77b4", "#d62728"]):
        points = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in zip(xs, values))
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>')
        parts.append(f'<text x="{WIDTH - RIGHT - 80}" y="{TOP + (20 if colour == "#d62728" else 5)}" '
                     f'fill="{colour}">{name}</text>')
    if marker is not None:
        parts.append(f'<line x1="{x(marker):.1f}" x2="{x(marker):.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" '
                     f'stroke="black" stroke-dasharray="4 3"/><text x="{x(marker) + 4:.1f}" y="{TOP + 12}">{label}</text>')
    parts.append("</svg>")
    with open(out, "w") as f:
        f.write("\n".join(parts))


if __name__ == "__main__":
    main()

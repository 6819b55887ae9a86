import type { ChartConfiguration } from "chart.js";

/** A fixed palette so each intent keeps its colour on every chart. */
export const PALETTE = ["#2457c5", "#d9480f", "#2b8a3e", "#9c36b5", "#e8590c", "#0b7285", "#c2255c", "#5c940d", "#862e9c", "#495057", "#f08c00", "#364fc7"];

export function stackedBars(labels: string[], series: Record<string, number[]>, names: (key: string) => string): ChartConfiguration {
  return {
    type: "bar",
    data: {
      labels,
      datasets: Object.entries(series).map(([key, data], i) => ({ label: names(key), data, backgroundColor: PALETTE[i % PALETTE.length], stack: "s" })),
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } }, plugins: { legend: { position: "bottom" } } },
  };
}

export function lines(labels: string[], series: { label: string; data: (number | null)[] }[], percent = true): ChartConfiguration {
  return {
    type: "line",
    data: { labels, datasets: series.map((s, i) => ({ label: s.label, data: s.data, borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length], spanGaps: true, tension: 0.2 })) },
    options: { scales: { y: percent ? { min: 0, max: 1, ticks: { format: { style: "percent" } } } : { beginAtZero: true } }, plugins: { legend: { position: "bottom" } } },
  };
}

export function groupedBars(labels: string[], series: { label: string; data: (number | null)[] }[], percent = true): ChartConfiguration {
  return {
    type: "bar",
    data: { labels, datasets: series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: PALETTE[i % PALETTE.length] })) },
    options: { scales: { y: percent ? { min: 0, max: 1, ticks: { format: { style: "percent" } } } : { beginAtZero: true } }, plugins: { legend: { position: "bottom" } } },
  };
}

/**
 * A tiny in-memory TSDB for the simulated telemetry: cumulative counters per label set, scraped
 * into [virtual ms, value] points the way Prometheus scrapes an exporter, with a bounded
 * retention window. No Argo counterpart (it stands in for Prometheus). Rule: memory stays flat —
 * points older than the retention go, and series not touched for a whole retention go too.
 */

/** Labels of one series (names as Prometheus would store them). */
export type SeriesLabels = Readonly<Record<string, string>>;

/** One stored series: its labels and [virtual ms, value] points, oldest first. */
export interface StoredSeries {
  readonly labels: SeriesLabels;
  readonly points: readonly (readonly [number, number])[];
}

/** SeriesStoreOptions configures {@link createSeriesStore}. */
export interface SeriesStoreOptions {
  /** How much history each series keeps, in virtual ms (default 30 minutes). */
  readonly retentionMs?: number;
}

/** SeriesStore holds counters and their scraped points. */
export interface SeriesStore {
  /** add increments the counter `name{labels}` by `delta` (creating it at 0) and marks it alive. */
  add(name: string, labels: SeriesLabels, delta: number): void;
  /** scrape appends the current value of every live counter as a point at `now`, then trims. */
  scrape(now: number): void;
  /** series returns every stored series called `name`, sorted by label key. */
  series(name: string): readonly StoredSeries[];
  /** seriesNames returns the names of all stored series, sorted. */
  seriesNames(): readonly string[];
  /** pointCount returns how many points are held in total (for memory tests). */
  pointCount(): number;
}

/** DEFAULT_RETENTION_MS keeps 30 minutes of points, more than any `[5m]` window needs. */
export const DEFAULT_RETENTION_MS = 30 * 60 * 1000;

interface Entry {
  readonly labels: SeriesLabels;
  readonly points: [number, number][];
  value: number;
  /** The scrape generation in which `add` last touched this counter. */
  touched: number;
}

/** labelKey returns a canonical string for a label set (sorted names). */
export function labelKey(labels: SeriesLabels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',');
}

/**
 * createSeriesStore returns an empty store. Counters only count up, as client libraries' do; a
 * counter that stops being touched (its pods are gone) is no longer scraped, so it goes stale the
 * way Prometheus marks a vanished target's series, and is dropped once its last point expires.
 */
export function createSeriesStore(options: SeriesStoreOptions = {}): SeriesStore {
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  const byName = new Map<string, Map<string, Entry>>();
  let generation = 0;

  return {
    add(name, labels, delta) {
      let group = byName.get(name);
      if (!group) {
        group = new Map();
        byName.set(name, group);
      }
      const key = labelKey(labels);
      let e = group.get(key);
      if (!e) {
        e = { labels: Object.freeze({ ...labels }), points: [], value: 0, touched: generation };
        group.set(key, e);
      }
      e.value += delta;
      e.touched = generation;
    },
    scrape(now) {
      const horizon = now - retentionMs;
      for (const [name, group] of byName) {
        for (const [key, e] of group) {
          if (e.touched === generation) e.points.push([now, e.value]);
          let drop = 0;
          while (drop < e.points.length && e.points[drop][0] < horizon) drop++;
          if (drop > 0) e.points.splice(0, drop);
          if (e.points.length === 0 && e.touched !== generation) group.delete(key);
        }
        if (group.size === 0) byName.delete(name);
      }
      generation++;
    },
    series(name) {
      const group = byName.get(name);
      if (!group) return [];
      return [...group.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, e]) => ({ labels: e.labels, points: e.points }));
    },
    seriesNames() {
      return [...byName.keys()].sort();
    },
    pointCount() {
      let n = 0;
      for (const group of byName.values()) for (const e of group.values()) n += e.points.length;
      return n;
    },
  };
}

// A series of daily counts for a time chart: every day from the first to the last, missing days as zero.

const DAY_SECONDS = 24 * 60 * 60;

/**
 * `days`: [{day: 'YYYY-MM-DD', rankings: n}] in any order → {x: [UTC midnight, unix seconds], y: [n]}, at
 * least `minDays` long (earlier days added as zero), so that a young project still gets a readable axis.
 */
export function dailySeries(days, minDays = 1) {
  if (days.length === 0) {
    return { x: [], y: [] };
  }
  const counts = new Map(days.map((d) => [Date.parse(`${d.day}T00:00:00Z`) / 1000, d.rankings]));
  const last = Math.max(...counts.keys());
  const first = Math.min(...counts.keys(), last - (minDays - 1) * DAY_SECONDS);
  const x = [];
  const y = [];
  for (let t = first; t <= last; t += DAY_SECONDS) {
    x.push(t);
    y.push(counts.get(t) ?? 0);
  }
  return { x, y };
}

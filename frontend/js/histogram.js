// Binning values into a histogram of equal-width bins over [min, max]; the last bin includes max.

export function histogram(values, bins = 10, min = 0, max = 1) {
  const width = (max - min) / bins;
  const counts = new Array(bins).fill(0);
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      continue;
    }
    counts[Math.min(bins - 1, Math.floor((value - min) / width))] += 1;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => min + i * width);
  const centers = counts.map((_, i) => min + (i + 0.5) * width);
  return { edges, centers, counts };
}

// Sorting a table by one column: numbers as numbers, text by the reader's language, empty cells last in
// either direction, ties kept in their current order.

/** Reads a cell's sort value: null when empty or not a number in a numeric column. */
export function sortValue(raw, type) {
  if (raw === null || raw === undefined || raw === '') {
    return null;
  }
  if (type === 'number') {
    const number = Number(raw);
    return Number.isFinite(number) ? number : null;
  }
  return String(raw);
}

/** The row indices in sorted order; `direction` is 'asc' or 'desc'. */
export function sortedOrder(rawValues, type, direction) {
  const values = rawValues.map((raw) => sortValue(raw, type));
  const sign = direction === 'desc' ? -1 : 1;
  return values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        return (a.value === null) - (b.value === null) || a.index - b.index;
      }
      const order = type === 'number'
        ? a.value - b.value
        : a.value.localeCompare(b.value, undefined, { sensitivity: 'base', numeric: true });
      return sign * order || a.index - b.index;
    })
    .map((entry) => entry.index);
}

/** Clicking the sorted column flips it; another column starts descending for numbers, ascending for text. */
export function nextSort(current, column, type) {
  if (current && current.column === column) {
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { column, direction: type === 'number' ? 'desc' : 'asc' };
}

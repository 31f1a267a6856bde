// The ranking a labeler builds on the page, as plain data: tiers of candidate ids, best first. A tier of
// two or more ids is a tie. Every function returns new tiers and leaves its input alone, so the page can
// re-render from the result and the logic is tested without a browser.

/** Each candidate in its own tier, in the order shown. */
export function initialTiers(ids) {
  return ids.map((id) => [id]);
}

/** The ids top to bottom, as the cards stand on the page. */
export function flatten(tiers) {
  return tiers.flat();
}

export function tierIndexOf(tiers, id) {
  return tiers.findIndex((tier) => tier.includes(id));
}

/** The rank shown on a card: its tier's number, shared by tied cards. */
export function rankOf(tiers, id) {
  return tierIndexOf(tiers, id) + 1;
}

function without(tiers, id) {
  return tiers.map((tier) => tier.filter((other) => other !== id)).filter((tier) => tier.length > 0);
}

function insertTier(tiers, index, tier) {
  const result = tiers.slice();
  result.splice(Math.max(0, Math.min(index, result.length)), 0, tier);
  return result;
}

/**
 * The card dropped at `position` of the list (0 = top, counted without the card itself). Dropped between
 * two tied cards it joins their tie; anywhere else it stands alone.
 */
export function dropAt(tiers, id, position) {
  const rest = without(tiers, id);
  const flat = flatten(rest);
  const above = flat[position - 1];
  const below = flat[position];
  if (above !== undefined && below !== undefined) {
    const aboveTier = tierIndexOf(rest, above);
    if (aboveTier === tierIndexOf(rest, below)) {
      return rest.map((tier, index) => {
        if (index !== aboveTier) return tier;
        const joined = tier.slice();
        joined.splice(tier.indexOf(above) + 1, 0, id);
        return joined;
      });
    }
  }
  const tierBelow = below === undefined ? rest.length : tierIndexOf(rest, below);
  return insertTier(rest, tierBelow, [id]);
}

/**
 * One step up: a tied card first leaves its tie (to just above it); a card alone swaps places with the
 * whole tier above it.
 */
export function moveUp(tiers, id) {
  const index = tierIndexOf(tiers, id);
  if (index < 0) return tiers;
  if (tiers[index].length > 1) {
    return insertTier(without(tiers, id), index, [id]);
  }
  if (index === 0) return tiers;
  return insertTier(without(tiers, id), index - 1, [id]);
}

/** One step down: the mirror of moveUp. */
export function moveDown(tiers, id) {
  const index = tierIndexOf(tiers, id);
  if (index < 0) return tiers;
  if (tiers[index].length > 1) {
    return insertTier(without(tiers, id), index + 1, [id]);
  }
  if (index === tiers.length - 1) return tiers;
  return insertTier(without(tiers, id), index + 1, [id]);
}

/** The card alone at rank `rank` (1 = best); beyond the last rank it goes last. */
export function setRank(tiers, id, rank) {
  if (tierIndexOf(tiers, id) < 0 || !Number.isInteger(rank) || rank < 1) return tiers;
  return insertTier(without(tiers, id), rank - 1, [id]);
}

/** Joins the card to the tier above its own (a tie). The top tier has nothing above it. */
export function tieWithAbove(tiers, id) {
  const index = tierIndexOf(tiers, id);
  if (index <= 0) return tiers;
  const result = tiers.map((tier, i) => (i === index - 1 ? [...tier, id] : tier.filter((other) => other !== id)));
  return result.filter((tier) => tier.length > 0);
}

/** Takes the card out of its tie, to stand alone just below it. */
export function splitOff(tiers, id) {
  const index = tierIndexOf(tiers, id);
  if (index < 0 || tiers[index].length < 2) return tiers;
  return insertTier(without(tiers, id), index + 1, [id]);
}

export function isTied(tiers, id) {
  const index = tierIndexOf(tiers, id);
  return index >= 0 && tiers[index].length > 1;
}

/** Whether the card is joined to the card above it (same tier, not its first card). */
export function isJoinedToAbove(tiers, id) {
  const index = tierIndexOf(tiers, id);
  return index >= 0 && tiers[index].indexOf(id) > 0;
}

/** The keys of a focused card, as the page's help lists them (keyAction is what they do). */
export function cardKeys({ allowTies }) {
  const keys = [
    { keys: ['↑', '↓'], description: 'Move the focused response up or down' },
    { keys: ['1–9'], description: 'Give the focused response that rank' },
  ];
  if (allowTies) {
    keys.push({ keys: ['='], description: 'Tie the focused response with the one above' },
      { keys: ['-'], description: 'Split the focused response off from its tie' });
  }
  return keys;
}

/**
 * What a key pressed on a focused card does, or null: arrows move, a digit sets the rank, "=" ties with
 * the card above, "-" splits off.
 */
export function keyAction(key, { allowTies }) {
  if (key === 'ArrowUp') return { type: 'up' };
  if (key === 'ArrowDown') return { type: 'down' };
  if (/^[1-9]$/.test(key)) return { type: 'rank', rank: Number(key) };
  if (allowTies && (key === '=' || key === '+')) return { type: 'tie' };
  if (allowTies && key === '-') return { type: 'split' };
  return null;
}

/** Applies a keyAction to the tiers. */
export function applyAction(tiers, id, action) {
  switch (action?.type) {
    case 'up': return moveUp(tiers, id);
    case 'down': return moveDown(tiers, id);
    case 'rank': return setRank(tiers, id, action.rank);
    case 'tie': return tieWithAbove(tiers, id);
    case 'split': return splitOff(tiers, id);
    default: return tiers;
  }
}

/**
 * What a screen reader hears after a card moved from `before` to `after`: "Response B moved to rank 1.",
 * "Response C tied at rank 2.", "Response C split off to rank 3.", or that nothing changed.
 */
export function describeMove(before, after, id, label) {
  const rank = rankOf(after, id);
  if (rankOf(before, id) === rank && isTied(before, id) === isTied(after, id)) {
    return `${label} stays at rank ${rank}.`;
  }
  if (isTied(after, id) && !isTied(before, id)) return `${label} tied at rank ${rank}.`;
  if (isTied(before, id) && !isTied(after, id) && rankOf(before, id) + 1 === rank) {
    return `${label} split off to rank ${rank}.`;
  }
  return `${label} moved to rank ${rank}${isTied(after, id) ? ', tied' : ''}.`;
}

function commentOf(comment) {
  const text = (comment ?? '').trim();
  return text === '' ? undefined : text;
}

/**
 * The body of POST /api/v1/assignments/{id}/ranking, or the problems that keep it from being sent:
 * { body } or { errors: [message, ...] }.
 */
export function rankingPayload({ tiers, allowTies, collectScores, scores = {}, comment }) {
  const errors = [];
  if (!allowTies && tiers.some((tier) => tier.length > 1)) {
    errors.push('Ties are not allowed in this project.');
  }
  const body = { ranking: tiers.map((tier) => tier.slice()) };
  if (collectScores) {
    const ids = flatten(tiers);
    const missing = ids.filter((id) => !Number.isInteger(scores[id]) || scores[id] < 1 || scores[id] > 7);
    if (missing.length > 0) {
      errors.push(`Give every response a score from 1 to 7 (${missing.length} missing).`);
    }
    body.scores = Object.fromEntries(ids.map((id) => [id, scores[id]]));
  }
  const text = commentOf(comment);
  if (text !== undefined) body.comment = text;
  return errors.length > 0 ? { errors } : { body };
}

/** The body that marks the task as not rankable: no ranking, no scores. */
export function notRankablePayload({ comment }) {
  const body = { not_rankable: true };
  const text = commentOf(comment);
  if (text !== undefined) body.comment = text;
  return { body };
}

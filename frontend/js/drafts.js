// The ranking a labeler has half built, kept in the browser (localStorage) for each open assignment, so that
// a reload or a crashed tab does not lose the order, scores and comment. A project has one open assignment per
// labeler: the drafts of its other assignments are stale and removed. Storage may be full, disabled or
// unavailable (private windows): drafts are then simply not kept, the page works as before.

const PREFIX = 'ranklab.draft.';

const keyOf = (project, assignment) => `${PREFIX}${project}.${assignment}`;

function attempt(action, fallback) {
  try {
    return action();
  } catch {
    return fallback;
  }
}

/** The drafts of one project in `storage` (a Web Storage). */
export function draftStore(storage, project) {
  const keys = () => attempt(() => Array.from({ length: storage.length }, (_, i) => storage.key(i)), []);
  return {
    /** Keeps `{ tiers, scores, comment }` for the assignment. */
    save(assignment, { tiers, scores, comment }) {
      attempt(() => storage.setItem(keyOf(project, assignment), JSON.stringify({ tiers, scores, comment })));
    },

    /** The draft of the assignment if it fits `candidateIds`, else null. */
    load(assignment, candidateIds, { allowTies }) {
      const text = attempt(() => storage.getItem(keyOf(project, assignment)), null);
      const draft = text === null ? null : attempt(() => JSON.parse(text), null);
      return fits(draft, candidateIds, allowTies) ? draft : null;
    },

    clear(assignment) {
      attempt(() => storage.removeItem(keyOf(project, assignment)));
    },

    /** Removes the project's drafts of every assignment but `open` (none when `open` is null). */
    clearAllBut(open) {
      const keep = open === null ? null : keyOf(project, open);
      for (const key of keys()) {
        if (key?.startsWith(`${PREFIX}${project}.`) && key !== keep) {
          attempt(() => storage.removeItem(key));
        }
      }
    },
  };
}

/**
 * Whether a stored draft can stand for this task: tiers holding each candidate once (a tie only where the
 * project allows them), scores 1..7 of those candidates, a comment that is text.
 */
export function fits(draft, candidateIds, allowTies) {
  if (draft === null || typeof draft !== 'object' || !Array.isArray(draft.tiers)) return false;
  const { tiers, scores = {}, comment = '' } = draft;
  if (!tiers.every((tier) => Array.isArray(tier) && tier.length > 0 && (allowTies || tier.length === 1))) {
    return false;
  }
  const ids = tiers.flat();
  const expected = new Set(candidateIds);
  if (ids.length !== expected.size || new Set(ids).size !== ids.length || !ids.every((id) => expected.has(id))) {
    return false;
  }
  const scoresFit = scores !== null && typeof scores === 'object'
    && Object.entries(scores).every(([id, score]) => expected.has(id) && Number.isInteger(score) && score >= 1 && score <= 7);
  return scoresFit && typeof comment === 'string';
}

/**
 * Whether a refused answer can never be accepted, so its draft goes: the assignment is answered, gone or
 * not the labeler's (409, 403, 404), or the ranking names candidates the task does not have (a 400 on
 * `ranking` itself or on one id, `ranking[t][c]`). A tie where none is allowed (`ranking[t]`), a score
 * or the comment can be fixed on the page.
 */
export function refusedForGood(error) {
  if ([403, 404, 409].includes(error?.status)) return true;
  if (error?.status !== 400) return false;
  const fields = (error.problem?.errors ?? []).map((e) => e.field ?? '');
  return fields.some((field) => field === 'ranking' || /^ranking\[\d+]\[\d+]$/.test(field));
}

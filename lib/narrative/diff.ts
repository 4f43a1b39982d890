/**
 * Word-level differences between two revisions of a text, for the revision timeline. Pure, and
 * bounded: Myers' algorithm costs O((N+M)·D), which for two unrelated 50,000-character texts would
 * freeze the panel, so it stops after a fixed amount of work and reports the changed middle as one
 * deletion and one insertion instead.
 */

export type DiffPart = { kind: 'equal' | 'insert' | 'delete'; text: string };

export interface WordDiff {
  parts: DiffPart[];
  /** False when the work limit was reached and the middle is shown as replaced wholesale. */
  exact: boolean;
  /**
   * Steps taken (diagonal moves and token comparisons). The limit bounds it up to one pass over the
   * tokens: the common ends, and the last snake, which is not cut off midway.
   */
  work: number;
}

/** Enough for a few hundred changed words in a long narrative, and a few milliseconds at most. */
export const DIFF_WORK_LIMIT = 400_000;

/**
 * Words and the whitespace between them as separate tokens, so a word matches itself whether a
 * space, a line break or the end of the text follows it.
 */
function tokenize(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * Myers' greedy shortest edit script over tokens `a` → `b`, or null once `limit` work is spent.
 * `trace[d]` keeps the furthest x per diagonal before step d, only for diagonals -d-1 … d+1, so the
 * memory is O(D²) ints for D edits; each step d costs at least d+1 work, so D stays below √(2·limit).
 */
function shortestEdit(a: string[], b: string[], limit: number, spend: (steps: number) => number): DiffPart[] | null {
  const n = a.length;
  const m = b.length;
  const maxD = Math.min(n + m, Math.ceil(Math.sqrt(2 * limit)) + 1);
  const offset = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= maxD; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      let steps = 1;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
        steps++;
      }
      if (spend(steps) > limit) return null;
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return null;
}

function backtrack(a: string[], b: string[], trace: Int32Array[], lastD: number): DiffPart[] {
  const reversed: DiffPart[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = lastD; d >= 0; d--) {
    const window = trace[d]!;
    // The window starts at diagonal -d-1.
    const at = (k: number) => window[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      reversed.push({ kind: 'equal', text: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === previousX) reversed.push({ kind: 'insert', text: b[--y]! });
      else reversed.push({ kind: 'delete', text: a[--x]! });
    }
  }
  const parts: DiffPart[] = [];
  for (let index = reversed.length - 1; index >= 0; index--) push(parts, reversed[index]!.kind, reversed[index]!.text);
  return parts;
}

/** The word-level changes from `before` to `after`. */
export function diffWords(before: string, after: string, limit: number = DIFF_WORK_LIMIT): WordDiff {
  const a = tokenize(before);
  const b = tokenize(after);
  let work = 0;
  const spend = (steps: number) => (work += steps);
  // Most revisions change a few words somewhere in the middle: the common ends cost one pass.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  spend(start + (a.length - endA));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = shortestEdit(middleA, middleB, limit, spend);
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start).join(''));
  if (middle) for (const part of middle) push(parts, part.kind, part.text);
  else {
    push(parts, 'delete', middleA.join(''));
    push(parts, 'insert', middleB.join(''));
  }
  push(parts, 'equal', a.slice(endA).join(''));
  return { parts, exact: middle !== null, work };
}

/**
 * Shortens unchanged stretches longer than `2 × context` characters to their ends around an
 * ellipsis, so a two-word change in a long narrative shows as two words with their surroundings.
 */
export function abbreviateEqual(parts: readonly DiffPart[], context = 80): DiffPart[] {
  return parts.map((part, index) => {
    if (part.kind !== 'equal' || part.text.length <= context * 2 + 1) return part;
    const head = index === 0 ? '' : part.text.slice(0, context);
    const tail = index === parts.length - 1 ? '' : part.text.slice(-context);
    return { kind: 'equal', text: `${head}…${tail}` };
  });
}

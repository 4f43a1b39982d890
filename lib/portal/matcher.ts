import type { IndicatorKey } from '@/lib/lke/schema';
import { containment, dice, looksTruncated, normalizeQuestion, trigrams, words } from './text';

// Classifies a piece of page text as a template question. Candidates come from an inverted word
// index (cheap, survives a changed word), and are ranked by trigram similarity (survives typos,
// doubled spaces and punctuation). A hand-written index beats a general fuzzy library here: the
// content script scores thousands of text blocks per page and must stay within a few milliseconds.

export interface QuestionMatch {
  /** Template codes whose wording matches; more than one when the wording itself repeats. */
  codes: string[];
  score: number;
  /**
   * A wording of one or two words ("Lainnya", "Jumlah Lainnya"): it means the indicator only
   * beside its sibling counts, never on its own.
   */
  weak: boolean;
  /**
   * Close to a question's wording, not close enough on its own (0.62–0.74): it counts only where
   * the page confirms it with the question's printed code or soal id.
   */
  tentative: boolean;
}

interface Entry {
  normalized: string;
  grams: Set<string>;
  codes: string[];
}

/** Below this trigram similarity a text is not taken for a question on its wording alone. */
const MATCH_THRESHOLD = 0.74;
/** Below this it is not taken for a question at all. */
const TENTATIVE_THRESHOLD = 0.62;
/** A text cut short with "…" must be this long to be matched by its beginning. */
const MIN_TRUNCATED_LENGTH = 24;
/** Shorter texts are matched only word for word (and are weak). */
const MIN_FUZZY_LENGTH = 8;
const MIN_EXACT_LENGTH = 4;
/** Entries ranked by trigram similarity after the word filter. */
const SHORTLIST = 4;

export interface QuestionMatcher {
  match(rawText: string): QuestionMatch | null;
  /** Position of a code in template order, for telling repeated wordings apart by sequence. */
  order(code: string): number;
}

export function createQuestionMatcher(keys: readonly IndicatorKey[]): QuestionMatcher {
  const entries: Entry[] = [];
  const byNormalized = new Map<string, Entry>();
  const addText = (text: string, code: string) => {
    const normalized = normalizeQuestion(text);
    const existing = byNormalized.get(normalized);
    if (existing) {
      if (!existing.codes.includes(code)) existing.codes.push(code);
      return;
    }
    const entry = { normalized, grams: trigrams(normalized), codes: [code] };
    entries.push(entry);
    byNormalized.set(normalized, entry);
  };
  for (const key of keys) {
    addText(key.question, key.code);
    if (key.lampiranIIIWording) addText(key.lampiranIIIWording, key.code);
  }

  // Words found in many questions ("telah", "dan", "unit", "kerja") do not discriminate.
  const postings = new Map<string, number[]>();
  entries.forEach((entry, id) => {
    for (const word of new Set(words(entry.normalized))) {
      if (word.length < 3) continue;
      let list = postings.get(word);
      if (!list) postings.set(word, (list = []));
      list.push(id);
    }
  });
  const commonLimit = Math.max(4, Math.ceil(entries.length * 0.15));
  for (const [word, list] of postings) if (list.length > commonLimit) postings.delete(word);

  const longest = Math.max(...entries.map((e) => e.normalized.length));
  const orderOf = new Map(keys.map((key, index) => [key.code, index]));
  const cache = new Map<string, QuestionMatch | null>();
  const shared = new Uint16Array(entries.length);

  function shortlist(normalized: string): number[] {
    const touched: number[] = [];
    for (const word of new Set(words(normalized))) {
      for (const id of postings.get(word) ?? []) {
        if (shared[id] === 0) touched.push(id);
        shared[id]!++;
      }
    }
    touched.sort((a, b) => shared[b]! - shared[a]!);
    const best = touched.slice(0, SHORTLIST).filter((id) => shared[id]! >= Math.min(2, shared[touched[0]!]!));
    for (const id of touched) shared[id] = 0;
    return best;
  }

  function score(text: Set<string>, truncated: boolean, length: number, entry: Entry): number {
    const similarity = dice(text, entry.grams);
    if (!truncated || length < MIN_TRUNCATED_LENGTH) return similarity;
    return Math.max(similarity, containment(text, entry.grams) * 0.97);
  }

  function compute(rawText: string, normalized: string): QuestionMatch | null {
    const exact = byNormalized.get(normalized);
    if (exact) return { codes: [...exact.codes], score: 1, weak: words(normalized).length < 3, tentative: false };
    if (normalized.length < MIN_FUZZY_LENGTH) return null;
    const truncated = looksTruncated(rawText);
    const grams = trigrams(normalized);
    let best: { entry: Entry; score: number } | null = null;
    let runnerUp: { entry: Entry; score: number } | null = null;
    for (const id of shortlist(normalized)) {
      const entry = entries[id]!;
      const s = score(grams, truncated, normalized.length, entry);
      if (!best || s > best.score) [runnerUp, best] = [best, { entry, score: s }];
      else if (!runnerUp || s > runnerUp.score) runnerUp = { entry, score: s };
    }
    if (!best || best.score < TENTATIVE_THRESHOLD) return null;
    const codes = [...best.entry.codes];
    // Two wordings equally close: keep both and let the row order decide.
    if (runnerUp && runnerUp.score >= MATCH_THRESHOLD && best.score - runnerUp.score < 0.02) {
      for (const code of runnerUp.entry.codes) if (!codes.includes(code)) codes.push(code);
    }
    return { codes, score: best.score, weak: false, tentative: best.score < MATCH_THRESHOLD };
  }

  return {
    match(rawText) {
      // Pages repeat the same texts run after run: remember results by the raw text.
      const cached = cache.get(rawText);
      if (cached !== undefined) return cached;
      const normalized = normalizeQuestion(rawText);
      const result =
        normalized.length < MIN_EXACT_LENGTH || normalized.length > longest * 1.5 + 20
          ? null
          : compute(rawText, normalized);
      if (cache.size > 20_000) cache.clear();
      cache.set(rawText, result);
      return result;
    },
    order(code) {
      return orderOf.get(code) ?? Number.MAX_SAFE_INTEGER;
    },
  };
}

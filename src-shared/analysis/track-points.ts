/**
 * What one council was asked to do, letter by letter: every recommendation and area for
 * development of all its letters, grouped by outcome and newest first, each marked where it
 * repeats a point of an earlier letter ("raised again in 2008, first raised 2006").
 *
 * Whether two points are the same concern is judged by their words alone (`pointSimilarity`),
 * not by anything else the council's letters say, so a point's mark never changes because
 * another letter was imported. The measure is a weighted Dice overlap of the two points' sets
 * of content words (`pointWords`); see REPEAT_THRESHOLD for how its threshold was chosen.
 */
import type { Letter, LetterKind } from '../letters/letter';
import { byDate } from '../summaries/letter-parts';
import { APA_OUTCOMES } from '../summaries/summary-words';

export type PointKind = 'recommendation' | 'area-for-development';

/** A point and the letter it is in. */
export interface PointRef {
  pointId: string;
  letterId: string;
  /** ISO date of the letter. */
  date: string;
  year: number;
}

export interface TrackedPoint extends PointRef {
  letterKind: LetterKind;
  kind: PointKind;
  /** Index into letter.sections, so a reader can open the letter there. */
  sectionIndex: number;
  /** The APA outcome's name ("Staying safe") where the section has an outcome or its heading names one; else the section's heading. */
  group: string;
  /** A recommendation's text with its bullet items appended, each after a space; an area's text. */
  text: string;
  /** The most similar point of an earlier letter (an earlier date) of the council, when similar enough to be the same concern. */
  repeats: (PointRef & { similarity: number }) | null;
  /** Where the chain of repeats starts: the point in the earliest letter. Null for a new point. */
  firstRaised: PointRef | null;
}

/** The points of one group, newest first: date descending, then letter order. */
export interface PointGroup {
  group: string;
  points: TrackedPoint[];
}

/**
 * Two points whose similarity reaches this are the same concern: for two points of the same
 * length, half their content words in common. Chosen from the evidence in track-points.test.ts:
 * no two of the sample letters' real points (all different concerns) score above 2/9, nor any
 * of the hard pairs of different concerns written for the tests above 4/11; of the reworded
 * copies of real points, one scores exactly 1/2 ("Place more looked after children with
 * adoptive families" for "Improve the number of looked after children being placed for
 * adoption") and all the others 0.6 or more. Leaning high, as a point wrongly said to be
 * "raised again" says something untrue about a council, while a missed repeat only says less.
 */
export const REPEAT_THRESHOLD = 0.5;

// ---------------------------------------------------------------------------------------------
// Words

/**
 * Words too common to tell one concern from another: function words, the words that frame
 * every point ("the council should ensure that ..."), the verbs of asking for more ("improve",
 * "raise", "increase", "develop") and the words for whom every point is about ("children",
 * "young people", "services"). Given in stemmed form (see `stem`).
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // Function words.
    'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'if', 'than', 'then', 'so', 'as', 'of', 'to', 'in', 'on', 'at', 'by', 'for',
    'with', 'from', 'into', 'onto', 'upon', 'about', 'across', 'after', 'before', 'between', 'through', 'throughout', 'within',
    'without', 'over', 'under', 'up', 'out', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do',
    'does', 'did', 'done', 'it', 'its', 'this', 'that', 'these', 'those', 'which', 'who', 'whom', 'whose', 'what', 'where', 'when',
    'how', 'while', 'whilst', 'there', 'their', 'they', 'them', 'we', 'our', 'us', 'you', 'your', 'he', 'him', 'his', 'she', 'her',
    'i', 'me', 'my', 'also', 'such', 'all', 'any', 'each', 'every', 'both', 'either', 'other', 'others', 'same', 'own', 'more',
    'most', 'much', 'many', 'some', 'very', 'only', 'not', 'no', 'can', 'could', 'should', 'would', 'will', 'may', 'might', 'must',
    'shall', 'including', 'include', 'especially', 'particularly', 'further', 'well', 'ones', 'one', 'way', 'etc',
    // The framing of a point and the verbs of asking for more.
    'ensure', 'sure', 'make', 'take', 'continue', 'maintain', 'improve', 'improvement', 'raise', 'increase', 'reduce', 'enhance',
    'strengthen', 'develop', 'secure', 'promote', 'establish', 'better', 'good', 'effective', 'appropriate',
    'council', 'authority',
    // Whom every point is about.
    'child', 'children', 'young', 'people', 'person', 'service', 'services',
  ].map((w) => stem(w)),
);

/**
 * Terms the letters write both in full and as initials, and compounds written with and without
 * a hyphen: each becomes one word, so "CAMHS" and "child and adolescent mental health services"
 * match. Applied to lower-cased text with apostrophes and dashes already normalised.
 */
const TERMS: readonly { pattern: RegExp; to: string; hints: readonly string[] }[] = [
  { pattern: /\bchildren(?:'s)? and young people(?:'s)? plans?\b/g, to: ' cypp ', hints: ['plan'] },
  { pattern: /\bchild(?:ren)?(?:'s)? and adolescent mental health services?\b/g, to: ' camhs ', hints: ['adolescent'] },
  {
    pattern: /\bnot in (?:education|employment|training)(?:,? (?:or |and )?(?:education|employment|training)){1,2}\b/g,
    to: ' neet ',
    hints: ['not in '],
  },
  { pattern: /\blocal safeguarding children(?:'s)? boards?\b/g, to: ' lscb ', hints: ['safeguarding'] },
  { pattern: /\bspecial educational needs\b/g, to: ' sen ', hints: ['special'] },
  { pattern: /\blearning difficult(?:y|ies) (?:and\/or|and|or) disabilit(?:y|ies)\b/g, to: ' ldd ', hints: ['difficult'] },
  { pattern: /\bcommon assessment framework\b/g, to: ' caf ', hints: ['common'] },
  { pattern: /\byouth offending (?:service|team)s?\b|\byos\b/g, to: ' yot ', hints: ['offending', 'yos'] },
  { pattern: /\bjoint area reviews?\b/g, to: ' jar ', hints: ['joint'] },
  { pattern: /\bkey stage ?(\d)\b|\bks ?(\d)\b/g, to: ' ks$1$2 ', hints: ['stage', 'ks'] },
  { pattern: /\bwell ?- ?being\b|\bwellbeing\b/g, to: ' wellbeing ', hints: ['being'] },
  { pattern: /\bmulti ?- ?agency\b/g, to: ' multiagency ', hints: ['agency'] },
  { pattern: /\b(?:put|puts|putting) in place\b/g, to: ' ', hints: ['in place'] },
];

/** Words that say the same thing in these letters: each group's words all count as its first. */
const SAME_AS: ReadonlyMap<string, string> = new Map(
  [
    ['timeliness', 'timely', 'timescale'],
    ['proportion', 'percentage'],
  ].flatMap(([first, ...rest]) => [first!, ...rest].map((w) => [stem(w), first!] as const)),
);

/** Whether any of TERMS may apply: one test, where most points need none. */
const TERM_HINT = new RegExp(TERMS.flatMap(({ hints }) => hints).join('|'));

/** The words TERMS makes, kept as they are: "camhs" is not a plural. */
const TERM_WORDS: ReadonlySet<string> = new Set(TERMS.map(({ to }) => to.trim()).filter((w) => /^[a-z]+$/.test(w)));

const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const WORD = /[a-z0-9]+(?:'[a-z0-9]+)*/g;

/**
 * A light stem: the possessive, then a plural, -ing, -ed or -ly ending, then a final "e", so
 * "placed", "placing" and "place" agree, and "assessments" and "assessment" do. Nothing that
 * changes the word's meaning ("assessment" and "assess" stay apart).
 */
function stem(word: string): string {
  let w = word.endsWith("'s") ? word.slice(0, -2) : word.includes("'") ? word.replace(/'/g, '') : word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  const suffix = w.endsWith('ing') ? 3 : w.endsWith('ed') ? 2 : 0;
  if (suffix > 0 && w.length - suffix >= 3 && hasVowel(w, w.length - suffix)) {
    w = w.slice(0, -suffix);
    // "planning" → "plann" → "plan"; but "assessing" keeps its "ss", "calling" its "ll".
    const last = w[w.length - 1]!;
    if (last === w[w.length - 2] && !'aeiouylsfz'.includes(last)) w = w.slice(0, -1);
  } else if (w.endsWith('ly') && !w.endsWith('ily') && w.length >= 6) {
    w = w.slice(0, -2);
  }
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

function hasVowel(word: string, end: number): boolean {
  for (let i = 0; i < end; i++) if ('aeiouy'.includes(word[i]!)) return true;
  return false;
}

/**
 * The content words of a point as the measure sees them: lower-cased, accents, quotes, dashes
 * and punctuation gone, known terms made one word, stemmed lightly, and without the words in
 * every point. Each word once, in the order it first appears.
 */
export function pointWords(text: string): string[] {
  let t = text.toLowerCase();
  if (/[^\t\n\r -_a-~]/.test(t)) t = t.replace(APOSTROPHES, "'").replace(DASHES, '-').normalize('NFKD').replace(/\p{M}/gu, '');
  if (TERM_HINT.test(t)) for (const { pattern, to, hints } of TERMS) if (hints.some((h) => t.includes(h))) t = t.replace(pattern, to);
  const words: string[] = [];
  const seen = new Set<string>();
  for (const raw of t.match(WORD) ?? []) {
    const w = tokenOf(raw);
    if (w === null || seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  return words;
}

/**
 * Each word's token, or null for a word the measure leaves out; remembered across calls (a
 * council's letters use a few thousand words), and forgotten if it ever grows large.
 */
const TOKENS = new Map<string, string | null>();

function tokenOf(raw: string): string | null {
  let token = TOKENS.get(raw);
  if (token !== undefined) return token;
  const s = TERM_WORDS.has(raw) ? raw : stem(raw);
  const w = SAME_AS.get(s) ?? s;
  token = (w.length < 2 && !/\d/.test(w)) || STOP_WORDS.has(w) ? null : w;
  if (TOKENS.size >= 100_000) TOKENS.clear();
  TOKENS.set(raw, token);
  return token;
}

// ---------------------------------------------------------------------------------------------
// The measure

/** How much a word counts. Digits alone ("16", "2008") say little about the concern. Powers of two, so sums are exact in any order. */
function weightOf(word: string): number {
  return /^\d+$/.test(word) ? 0.5 : 1;
}

function totalWeight(words: readonly string[]): number {
  let total = 0;
  for (const w of words) total += weightOf(w);
  return total;
}

/**
 * How alike two points are, 0 (no content word shared) to 1 (the same content words): twice
 * the weight of the words they share over the weight of all the words of both (Dice).
 * Symmetric, and exact: the weights are powers of two.
 */
export function pointSimilarity(a: string, b: string): number {
  const wordsA = pointWords(a);
  const wordsB = pointWords(b);
  const total = totalWeight(wordsA) + totalWeight(wordsB);
  if (wordsA.length === 0 || wordsB.length === 0) return 0;
  const inB = new Set(wordsB);
  return (2 * totalWeight(wordsA.filter((w) => inB.has(w)))) / total;
}

// ---------------------------------------------------------------------------------------------
// Ids and groups

/**
 * FNV-1a over the UTF-16 code units of the text, its white space counted as single spaces
 * and none at either end (so an id does not hang on how a line was wrapped), as 8 hex digits.
 */
function hashText(text: string): string {
  let h = 0x811c9dc5;
  let started = false;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0) {
      space = started;
      continue;
    }
    if (space) h = Math.imul(h ^ 32, 0x01000193);
    space = false;
    started = true;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const OUTCOME_NAMES = APA_OUTCOMES.map(({ outcome, name }) => ({
  outcome,
  name,
  words: ` ${name.toLowerCase().replace(/-/g, ' ')} `,
}));

/** The words of a heading, lower-case, single-spaced, with a space at each end, for finding an outcome's name in it. */
function headingWords(heading: string): string {
  const t = heading.toLowerCase().replace(/&/g, ' and ').replace(/\bwellbeing\b/g, 'well being').replace(/[^a-z0-9]+/g, ' ');
  return ` ${t.trim()} `;
}

function groupOf(section: Letter['sections'][number]): string {
  if (section.outcome) {
    const named = OUTCOME_NAMES.find((o) => o.outcome === section.outcome);
    if (named) return named.name;
  }
  const words = headingWords(section.heading);
  let best: { name: string; at: number } | null = null;
  for (const o of OUTCOME_NAMES) {
    const at = words.indexOf(o.words);
    if (at >= 0 && (!best || at < best.at)) best = { name: o.name, at };
  }
  return best?.name ?? (section.heading.trim() || 'Other points');
}

// ---------------------------------------------------------------------------------------------
// Tracking

function refOf(p: PointRef): PointRef {
  return { pointId: p.pointId, letterId: p.letterId, date: p.date, year: p.year };
}

/** Every point of a letter in letter order: each section's recommendations, then its areas for development; each with the texts it is compared by (see Part). */
function pointsOf(letter: Letter): { point: TrackedPoint; texts: string[] }[] {
  const points: { point: TrackedPoint; texts: string[] }[] = [];
  const used = new Map<string, number>();
  const add = (kind: PointKind, sectionIndex: number, group: string, text: string, bullets: string[]) => {
    const key = `${kind === 'recommendation' ? 'r' : 'a'}:${hashText(text)}`;
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    const point: TrackedPoint = {
      pointId: n === 1 ? `${letter.id}:${key}` : `${letter.id}:${key}:${n}`,
      letterId: letter.id,
      date: letter.date,
      year: letter.year,
      letterKind: letter.kind,
      kind,
      sectionIndex,
      group,
      text,
      repeats: null,
      firstRaised: null,
    };
    points.push({ point, texts: [text, ...bullets] });
  };
  letter.sections.forEach((section, sectionIndex) => {
    const group = groupOf(section);
    for (const r of section.recommendations) {
      const lead = r.text.trim();
      const items = r.items.map((item) => item.trim()).filter((item) => item !== '');
      const text = [lead, ...items].filter((t) => t !== '').join(' ');
      add('recommendation', sectionIndex, group, text, items.length > 1 ? items.map((item) => `${lead} ${item}`) : []);
    }
    for (const area of section.areasForDevelopment) add('area-for-development', sectionIndex, group, area.trim(), []);
  });
  return points;
}

/**
 * What a point is compared by: its whole text, and for a recommendation with bullets each
 * bullet with the words before the bullets, so a bullet raised again on its own is found, and
 * so is a point that became one bullet of a later one. Two points' similarity is the best over
 * their parts. Words are numbered, so comparing is adding up numbers.
 */
interface Part {
  /** Index of the point in the council's list of points. */
  point: number;
  words: number[];
  weights: number[];
  total: number;
}

/** The council's points in letter order (letters oldest first), their parts, and for each word the parts of letters already passed that have it. */
interface CouncilPoints {
  points: TrackedPoint[];
  parts: Part[];
  /** Each point's first part and the number of its parts: a point's parts are together. */
  firstPart: number[];
  partCount: number[];
  wordIds: Map<string, number>;
  postings: number[][];
  /** Scratch for adding up the weight each part shares with the part being matched. */
  shared: Float64Array;
  touched: number[];
}

function partOf(council: CouncilPoints, point: number, text: string): Part {
  const ids: number[] = [];
  const weights: number[] = [];
  let total = 0;
  for (const w of pointWords(text)) {
    let id = council.wordIds.get(w);
    if (id === undefined) {
      id = council.wordIds.size;
      council.wordIds.set(w, id);
    }
    const weight = weightOf(w);
    ids.push(id);
    weights.push(weight);
    total += weight;
  }
  return { point, words: ids, weights, total };
}

/**
 * Every recommendation and area for development of one council's letters (in any order),
 * grouped: the APA outcomes in the letters' order, then other groups by name. Each point says
 * which earlier point it repeats, if any, and where that chain of repeats began.
 */
export function trackPoints(letters: readonly Letter[]): PointGroup[] {
  // Oldest first; a letter given twice counts once.
  const ordered = [...letters].sort(byDate).filter((l, i, all) => i === 0 || all[i - 1]!.id !== l.id);
  const council: CouncilPoints = { points: [], parts: [], firstPart: [], partCount: [], wordIds: new Map(), postings: [], shared: new Float64Array(0), touched: [] };
  for (const letter of ordered) {
    for (const { point, texts } of pointsOf(letter)) {
      const index = council.points.length;
      council.points.push(point);
      council.firstPart.push(council.parts.length);
      council.partCount.push(texts.length);
      for (const text of texts) council.parts.push(partOf(council, index, text));
    }
  }
  council.postings = Array.from({ length: council.wordIds.size }, () => []);
  council.shared = new Float64Array(council.parts.length);

  // A date at a time: each point is matched against the points of earlier dates only, then
  // the date's points join them.
  const { points } = council;
  let start = 0;
  while (start < points.length) {
    let end = start;
    while (end < points.length && points[end]!.date === points[start]!.date) end++;
    for (let i = start; i < end; i++) linkToEarlier(council, i);
    for (let i = start; i < end; i++) index(council, i);
    start = end;
  }
  return grouped(points);
}

/** Adds a point's parts to the lists of parts each word is in. */
function index(council: CouncilPoints, point: number): void {
  const first = council.firstPart[point]!;
  for (let q = first; q < first + council.partCount[point]!; q++) {
    const words = council.parts[q]!.words;
    for (let n = 0; n < words.length; n++) council.postings[words[n]!]!.push(q);
  }
}

/** Finds the earlier point most like point `i` and, if it is similar enough, marks `i` as its repeat. */
function linkToEarlier(council: CouncilPoints, i: number): void {
  const { parts, points, shared, touched, postings } = council;
  let bestPart = -1;
  let bestSimilarity = 0;
  const first = council.firstPart[i]!;
  for (let q = first; q < first + council.partCount[i]!; q++) {
    const query = parts[q]!;
    // Only parts that share a word with this one are touched: add up the weight they share.
    for (let n = 0; n < query.words.length; n++) {
      const list = postings[query.words[n]!]!;
      const weight = query.weights[n]!;
      for (let k = 0; k < list.length; k++) {
        const p = list[k]!;
        if (shared[p] === 0) touched.push(p);
        shared[p] = shared[p]! + weight;
      }
    }
    for (let k = 0; k < touched.length; k++) {
      const p = touched[k]!;
      const other = parts[p]!;
      // Twice the weight shared over the weight of both: the same sum, in the same exact
      // arithmetic (weights are powers of two), as pointSimilarity.
      const similarity = (2 * shared[p]!) / (query.total + other.total);
      shared[p] = 0;
      if (similarity >= REPEAT_THRESHOLD && (bestPart < 0 || better(points, i, other.point, similarity, parts[bestPart]!.point, bestSimilarity))) {
        bestPart = p;
        bestSimilarity = similarity;
      }
    }
    touched.length = 0;
  }
  if (bestPart < 0) return;
  const earlier = points[parts[bestPart]!.point]!;
  const point = points[i]!;
  point.repeats = { ...refOf(earlier), similarity: bestSimilarity };
  point.firstRaised = earlier.firstRaised ? refOf(earlier.firstRaised) : refOf(earlier);
}

/** The points in their groups, each group newest first: date descending, then letter order. */
function grouped(points: readonly TrackedPoint[]): PointGroup[] {
  const newestFirst = points.map((point, order) => ({ point, order }));
  newestFirst.sort((a, b) => (a.point.date < b.point.date ? 1 : a.point.date > b.point.date ? -1 : a.order - b.order));
  const groups = new Map<string, TrackedPoint[]>();
  for (const { point } of newestFirst) {
    const list = groups.get(point.group);
    if (list) list.push(point);
    else groups.set(point.group, [point]);
  }
  const outcomeNames = OUTCOME_NAMES.map((o) => o.name);
  const others = [...groups.keys()].filter((g) => !outcomeNames.includes(g)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...outcomeNames, ...others].flatMap((group) => {
    const list = groups.get(group);
    return list ? [{ group, points: list }] : [];
  });
}

/**
 * Whether earlier point `a` is a better match for point `i` than earlier point `b`: more
 * similar; then the nearer letter (so a chain runs through every year it was raised); then a
 * point in the same group; then the first in letter order.
 */
function better(points: readonly TrackedPoint[], i: number, a: number, aSimilarity: number, b: number, bSimilarity: number): boolean {
  if (aSimilarity !== bSimilarity) return aSimilarity > bSimilarity;
  const pa = points[a]!;
  const pb = points[b]!;
  if (pa.date !== pb.date) return pa.date > pb.date;
  const group = points[i]!.group;
  if ((pa.group === group) !== (pb.group === group)) return pa.group === group;
  return a < b;
}

import { type Issue, isVoided } from './issue';
import type { ItemState } from './lost-property';
import { featuresOf, type ItemFeatures } from './lost-property-features';
import { matchReasons } from './lost-property-match-reasons';
import { type CategoryKinship, categoryKinship, kinshipRank, matchScore, wordRarity } from './lost-property-match-score';
import type { Phrase } from './phrase';

/**
 * Suggested matches at the lost-property desk: for a lost report the found items that may be it,
 * for a found item the lost reports that may be its owner's. Staff confirm; nothing here matches.
 */
export interface Match {
  issue: Issue;
  /** 0..1: how well category, colour, brand, words, place and time agree. */
  score: number;
  /** Matches are grouped by this before the score: a different category never outranks the same one. */
  categoryFit: CategoryKinship;
  /** Short words for people: "same category", "black ≈ dark grey", "found 40 min after it was lost". */
  reasons: Phrase[];
}

export interface MatchOptions {
  /** Below this score a candidate is not suggested (default 0.5: below half, more speaks against than for). */
  minScore?: number;
  /** At most this many suggestions (default 5: what fits on a phone without scrolling). */
  limit?: number;
}

const defaultMinScore = 0.5;
const defaultLimit = 5;

/** States in which an item or report has left the desk's hands and cannot be matched again. */
const settled: ReadonlySet<ItemState> = new Set(['handed_back', 'posted', 'disposed', 'returned']);

function isCandidate(target: Issue, wanted: ItemFeatures, issue: Issue, features: ItemFeatures | null): features is ItemFeatures {
  const now = issue.lostProperty;
  return (
    features !== null &&
    now !== undefined &&
    features.kind !== wanted.kind &&
    issue.id !== target.id &&
    issue.eventId === target.eventId &&
    !isVoided(issue) &&
    !settled.has(now.state) &&
    (now.matchedWith === null || now.matchedWith === target.id)
  );
}

interface Scored {
  issue: Issue;
  features: ItemFeatures;
  kinship: CategoryKinship;
  score: number;
}

/**
 * Best first: same category before related before different whatever the scores (the structural
 * guarantee), then score, then the newer issue, then id, so equal candidates keep one order on
 * every phone.
 */
function compareMatches(a: Scored, b: Scored): number {
  return (
    kinshipRank[b.kinship] - kinshipRank[a.kinship] ||
    b.score - a.score ||
    b.features.createdMs - a.features.createdMs ||
    (a.issue.id < b.issue.id ? -1 : a.issue.id > b.issue.id ? 1 : 0)
  );
}

/** Scores are shown and compared at three decimals, so float noise cannot reorder equal candidates. */
const rounded = (score: number) => Math.round(score * 1000) / 1000;

/** The eligible candidates of one category kinship, in parallel arrays to spare an object each. */
interface Tier {
  issues: Issue[];
  features: ItemFeatures[];
}

const tierOrder: readonly CategoryKinship[] = ['same', 'related', 'different'];

export function suggestMatches(target: Issue, candidates: Iterable<Issue>, options: MatchOptions = {}): Match[] {
  const wanted = featuresOf(target);
  if (!wanted) return [];
  const minScore = options.minScore ?? defaultMinScore;
  const limit = Math.max(0, options.limit ?? defaultLimit);
  const tiers: Record<CategoryKinship, Tier> = {
    same: { issues: [], features: [] },
    related: { issues: [], features: [] },
    different: { issues: [], features: [] },
  };
  const stems = [...wanted.words.keys()];
  const counts = stems.map(() => 0);
  let eligible = 0;
  for (const issue of candidates) {
    const candidate = featuresOf(issue);
    if (!isCandidate(target, wanted, issue, candidate)) continue;
    eligible += 1;
    const tier = tiers[categoryKinship(wanted.category, candidate.category)];
    tier.issues.push(issue);
    tier.features.push(candidate);
    for (let i = 0; i < stems.length; i += 1) if (candidate.words.has(stems[i]!)) counts[i]! += 1;
  }
  const rarity = wordRarity(stems, counts, eligible);
  const kept: Scored[] = [];
  for (const kinship of tierOrder) {
    // A lower tier can never rank above a higher one, so once the limit is reached it need not be scored.
    if (kept.length >= limit) break;
    const { issues, features } = tiers[kinship];
    for (let i = 0; i < issues.length; i += 1) {
      const score = rounded(matchScore(wanted, features[i]!, kinship, rarity));
      if (score >= minScore) kept.push({ issue: issues[i]!, features: features[i]!, kinship, score });
    }
  }
  return kept
    .sort(compareMatches)
    .slice(0, limit)
    .map(({ issue, features: candidate, kinship, score }) => ({
      issue,
      score,
      categoryFit: kinship,
      reasons: matchReasons(wanted, candidate, kinship, rarity),
    }));
}

import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { settings } from '../../db/schema';
import {
  DEFAULT_MATCH_WEIGHTS,
  MATCH_CRITERIA,
  MATCH_CRITERION_HELP,
  MATCH_CRITERION_LABELS,
  MATCH_WEIGHTS_SETTING_KEY,
  SENSITIVE_CRITERIA,
  matchWeightsSchema,
  type MatchWeights,
} from '../../../shared/domain/proposal';
import type { MatchWeightsView } from '../../../shared/contract/matching';
import { maxScore } from '../../matching/scoring';

/**
 * The admin's weights from settings 'matching.weights'. A stored object missing a criterion (added in a later
 * version) takes that criterion's default; an unreadable value falls back to the defaults.
 */
export function readWeights(db: Db): { weights: MatchWeights; updatedAt: string | null } {
  const row = db.select().from(settings).where(eq(settings.key, MATCH_WEIGHTS_SETTING_KEY)).get();
  if (!row) return { weights: { ...DEFAULT_MATCH_WEIGHTS }, updatedAt: null };
  const stored = typeof row.value === 'object' && row.value !== null ? (row.value as Record<string, unknown>) : {};
  const parsed = matchWeightsSchema.safeParse({ ...DEFAULT_MATCH_WEIGHTS, ...stored });
  return { weights: parsed.success ? parsed.data : { ...DEFAULT_MATCH_WEIGHTS }, updatedAt: row.updatedAt };
}

export function writeWeights(db: Db, weights: MatchWeights, nowIso: string, userId: number): void {
  db.insert(settings)
    .values({ key: MATCH_WEIGHTS_SETTING_KEY, value: weights, updatedAt: nowIso, updatedBy: userId })
    .onConflictDoUpdate({ target: settings.key, set: { value: weights, updatedAt: nowIso, updatedBy: userId } })
    .run();
}

export function weightsView(db: Db): MatchWeightsView {
  const { weights, updatedAt } = readWeights(db);
  return {
    weights,
    defaults: { ...DEFAULT_MATCH_WEIGHTS },
    maxScore: maxScore(weights),
    criteria: MATCH_CRITERIA.map((key) => ({
      key,
      label: MATCH_CRITERION_LABELS[key],
      help: MATCH_CRITERION_HELP[key],
      sensitive: SENSITIVE_CRITERIA.includes(key),
    })),
    updatedAt,
  };
}

import type { Reader, Tx } from '../../store';
import { getSetting, putSetting } from '../../store/settings';
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
export async function readWeights(r: Reader): Promise<{ weights: MatchWeights; updatedAt: string | null }> {
  const row = await getSetting(r, MATCH_WEIGHTS_SETTING_KEY);
  if (!row) return { weights: { ...DEFAULT_MATCH_WEIGHTS }, updatedAt: null };
  const stored = typeof row.value === 'object' && row.value !== null ? (row.value as Record<string, unknown>) : {};
  const parsed = matchWeightsSchema.safeParse({ ...DEFAULT_MATCH_WEIGHTS, ...stored });
  return { weights: parsed.success ? parsed.data : { ...DEFAULT_MATCH_WEIGHTS }, updatedAt: row.updatedAt };
}

export async function writeWeights(t: Tx, weights: MatchWeights, nowIso: string, userId: number): Promise<void> {
  await putSetting(t, MATCH_WEIGHTS_SETTING_KEY, weights, nowIso, userId);
}

export async function weightsView(r: Reader): Promise<MatchWeightsView> {
  const { weights, updatedAt } = await readWeights(r);
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

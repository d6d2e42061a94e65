import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRpcQuery } from '../../api/hooks';
import { formatLongDate } from '../../util/format';
import './i18n';

export interface MeetingLabel {
  id: number;
  date: string;
  /** "tisdag 1 december 2026 kl. 09:00" */
  text: string;
  /** "2026-12-01 kl. 09:00" (for narrow table columns) */
  short: string;
}

/** "tisdag 1 december 2026 kl. 09:00" for a review meeting. */
export function meetingText(m: { date: string; time: string }, lang: string): string {
  return `${formatLongDate(m.date)} ${lang === 'en' ? 'at' : 'kl.'} ${m.time}`;
}

/** Review meetings by id, to say on which meeting a submitted proposal is. */
export function useMeetingLabels(enabled = true): Map<number, MeetingLabel> {
  const { i18n } = useTranslation();
  const meetings = useRpcQuery('review.listMeetings', {}, { enabled, staleTime: 60_000 });
  return useMemo(
    () =>
      new Map(
        (meetings.data ?? []).map((m) => [
          m.id,
          {
            id: m.id,
            date: m.date,
            text: meetingText(m, i18n.language),
            short: `${m.date} ${i18n.language === 'en' ? 'at' : 'kl.'} ${m.time}`,
          },
        ]),
      ),
    [meetings.data, i18n.language],
  );
}

/**
 * Procedure prefixes whose lists change when a proposal is created, submitted or withdrawn. The unit-wide suggestion
 * ('matching.suggest') is deliberately left out: the coordinator accepts it in part and keeps working on the same
 * suggestion until they choose to compute it again.
 */
export const PROPOSAL_INVALIDATES = [
  'matching.candidates',
  'matching.positionsForParticipant',
  'matching.explain',
  'proposals.',
  'positions.',
  'review.',
  'participants.',
];

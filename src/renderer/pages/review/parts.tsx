import { useTranslation } from 'react-i18next';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import type { Role } from '../../../shared/domain/roles';
import { rpc } from '../../api/client';
import { useAuth } from '../../app/auth';
import { paths } from '../../app/paths';
import { formatLongDate } from '../../util/format';
import { DownloadButton, SectionTabs } from '../../components';
import './i18n';

export const REVIEW_BASE = paths.review;
export const meetingPath = paths.reviewMeeting;
export const meetingModePath = paths.meetingMode;

/** Procedure prefixes whose queries change when anything in the review changes. */
export const REVIEW_INVALIDATES = ['review.', 'proposals.', 'participants.', 'matching.'];

/** Who may do what (the main process enforces the same). */
export function useReviewRoles() {
  const { user } = useAuth();
  const roles: readonly Role[] = user?.roles ?? [];
  const has = (...r: Role[]) => r.some((x) => roles.includes(x));
  return {
    /** Records decisions in meeting mode and corrects locked ones. */
    canDecide: has('union', 'admin'),
    /** Coordinators and admins: participant names, proposals, cancelling meetings. */
    isCoordination: has('coordinator', 'admin'),
    isAdmin: has('admin'),
    /** The union's view is pseudonymous only. */
    pseudonymous: !has('coordinator', 'admin'),
    userName: user?.displayName ?? '',
    defaultParty: (has('union') && !has('coordinator', 'admin') ? 'union' : 'employer') as 'union' | 'employer',
  };
}

/** "tisdag 1 december 2026" (+ " kl. 09:00" when a time is given). */
export function meetingDateText(m: { date: string; time?: string }, t: (k: string) => string): string {
  return m.time ? `${formatLongDate(m.date)} ${t('review.at')} ${m.time}` : formatLongDate(m.date);
}

export type ReviewTab = 'meetings' | 'protocols' | 'proposals' | 'schedule';

/** The section's tabs (links), each shown to the roles that use it. */
export function ReviewTabs({ value }: { value: ReviewTab }) {
  const { t } = useTranslation();
  const { isCoordination } = useReviewRoles();
  return (
    <SectionTabs
      label={t('review.tabs.label')}
      value={value}
      tabs={[
        { key: 'meetings', label: t('review.tabs.meetings'), to: paths.review },
        { key: 'protocols', label: t('review.tabs.protocols'), to: paths.protocols },
        { key: 'proposals', label: t('review.tabs.proposals'), to: paths.reviewProposals, hidden: !isCoordination },
        { key: 'schedule', label: t('review.tabs.schedule'), to: paths.reviewSchedule },
      ]}
    />
  );
}

/** Downloads the review meetings as an iCalendar file for Outlook. */
export function IcsButton() {
  const { t } = useTranslation();
  return (
    <DownloadButton
      icon={<CalendarMonthOutlined />}
      busyLabel={t('review.exporting')}
      fetchFile={() => rpc('review.exportIcs', {})}
    >
      {t('review.exportIcs')}
    </DownloadButton>
  );
}

/** "2026-12-01 – 2027-05-31 (Period 1)", or "Från 2024-05-01, tills vidare" for a position without an end. */
export function periodText(
  p: { periodStart: string; periodEnd: string | null; periodName: string | null },
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  const range = p.periodEnd ? `${p.periodStart} – ${p.periodEnd}` : t('review.openEnded', { start: p.periodStart });
  return `${range}${p.periodName ? ` (${p.periodName})` : ''}`;
}

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import PauseCircleOutline from '@mui/icons-material/PauseCircleOutlineOutlined';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import type { GridLocaleText } from '@mui/x-data-grid';
import { svSE as gridSvSE } from '@mui/x-data-grid/locales';
import type { DecisionKind, MeetingStatus } from '../../../shared/domain/review';
import type { Role } from '../../../shared/domain/roles';
import { downloadFile, rpc } from '../../api/client';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatLongDate } from '../../util/format';
import './i18n';

export const REVIEW_BASE = '/provning';
export const meetingPath = (id: number) => `${REVIEW_BASE}/moten/${id}`;
export const meetingModePath = (id: number) => `${REVIEW_BASE}/moten/${id}/moteslage`;

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

const MEETING_STATUS_COLOR: Record<MeetingStatus, 'default' | 'primary' | 'warning' | 'success' | 'error'> = {
  planned: 'primary',
  open: 'warning',
  closed: 'success',
  cancelled: 'default',
};

/** A meeting's status as a chip; the text carries the meaning, the colour only helps. */
export function MeetingStatusChip({ status, overdue = false, size = 'small' }: { status: MeetingStatus; overdue?: boolean; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return (
    <Chip
      size={size}
      color={overdue ? 'error' : MEETING_STATUS_COLOR[status]}
      variant={status === 'planned' && !overdue ? 'outlined' : 'filled'}
      label={overdue ? t('review.status.overdue') : t(`review.status.${status}`)}
    />
  );
}

const DECISION_COLOR: Record<DecisionKind, 'success' | 'error' | 'warning'> = { approve: 'success', veto: 'error', defer: 'warning' };
export const DECISION_ICON: Record<DecisionKind | 'none', typeof CheckCircleOutline> = {
  approve: CheckCircleOutline,
  veto: BlockOutlined,
  defer: PauseCircleOutline,
  none: RadioButtonUnchecked,
};

/** A decision as a chip with an icon (so it never relies on colour alone). Draft decisions are outlined. */
export function DecisionChip({
  kind,
  draft = false,
  size = 'small',
  noneLabel,
}: {
  kind: DecisionKind | null;
  draft?: boolean;
  size?: 'small' | 'medium';
  /** Text when there is no decision (default "Ej behandlat", the protocol's word). */
  noneLabel?: string;
}) {
  const { t } = useTranslation();
  const Icon = DECISION_ICON[kind ?? 'none'];
  return (
    <Chip
      size={size}
      icon={<Icon />}
      color={kind ? DECISION_COLOR[kind] : 'default'}
      variant={draft || !kind ? 'outlined' : 'filled'}
      label={kind ? t(`review.decisionKind.${kind}`) : (noneLabel ?? t('review.decisionKind.none'))}
    />
  );
}

/** Grid texts in Swedish with our own empty-state sentence. */
export function gridLocale(noRowsLabel: string): Partial<GridLocaleText> {
  const themed = (gridSvSE.components?.MuiDataGrid?.defaultProps?.localeText ?? {}) as Partial<GridLocaleText>;
  return { ...themed, noRowsLabel };
}

export type ReviewTab = 'meetings' | 'protocols' | 'proposals' | 'schedule';

/** The section's tabs (links), each shown to the roles that use it. */
export function ReviewTabs({ value }: { value: ReviewTab }) {
  const { t } = useTranslation();
  const { isCoordination } = useReviewRoles();
  const tabs: Array<{ key: ReviewTab; to: string; show: boolean }> = [
    { key: 'meetings', to: REVIEW_BASE, show: true },
    { key: 'protocols', to: `${REVIEW_BASE}/protokoll`, show: true },
    { key: 'proposals', to: `${REVIEW_BASE}/forslag`, show: isCoordination },
    { key: 'schedule', to: `${REVIEW_BASE}/schema`, show: true },
  ];
  return (
    <Tabs value={value} aria-label={t('review.tabs.label')} variant="scrollable" sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
      {tabs
        .filter((x) => x.show)
        .map((x) => (
          <Tab key={x.key} value={x.key} label={t(`review.tabs.${x.key}`)} component={RouterLink} to={x.to} />
        ))}
    </Tabs>
  );
}

/** Downloads the review meetings as an iCalendar file for Outlook. */
export function IcsButton() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      downloadFile(await rpc('review.exportIcs', {}));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="outlined" startIcon={<CalendarMonthOutlined />} onClick={() => void run()} disabled={busy}>
        {busy ? t('review.exporting') : t('review.exportIcs')}
      </Button>
      {error ? <ErrorAlert error={error} sx={{ width: '100%', mb: 0 }} /> : null}
    </>
  );
}

/** A label/value list (definition list) for meeting and item facts. */
export function FactList({ items, large = false }: { items: Array<{ label: string; value: ReactNode }>; large?: boolean }) {
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: large ? 'minmax(180px, max-content) 1fr' : 'minmax(150px, max-content) 1fr' },
        columnGap: 3,
        rowGap: large ? 1.25 : 0.75,
        m: 0,
        fontSize: large ? '1.3rem' : undefined,
      }}
    >
      {items.map((f) => (
        <Box key={f.label} sx={{ display: 'contents' }}>
          <Typography component="dt" color="text.secondary" sx={{ fontSize: 'inherit', fontWeight: 600 }}>
            {f.label}
          </Typography>
          <Typography component="dd" sx={{ m: 0, fontSize: 'inherit', overflowWrap: 'anywhere' }}>
            {f.value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** "2026-12-01 – 2027-05-31 (Period 1)", or "Från 2024-05-01, tills vidare" for a position without an end. */
export function periodText(p: { periodStart: string; periodEnd: string | null; periodName: string | null }, t: (k: string, o?: Record<string, unknown>) => string): string {
  const range = p.periodEnd ? `${p.periodStart} – ${p.periodEnd}` : t('review.openEnded', { start: p.periodStart });
  return `${range}${p.periodName ? ` (${p.periodName})` : ''}`;
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { formatKronor } from '../../../shared/domain/contract-doc';
import type { PlacementSummary } from '../../../shared/domain/placement';
import type { Proposal } from '../../../shared/domain/proposal';
import { isValidIsoDate } from '../../../shared/rules/dates';
import { subsidyEndDate } from '../../../shared/rules/subsidy';
import { RpcClientError } from '../../api/client';
import { useRpcQuery } from '../../api/hooks';
import './i18n';

export const PLACEMENTS_BASE = '/placeringar';
export const placementPath = (id: number) => `${PLACEMENTS_BASE}/${id}`;
export const newPlacementPath = (proposalId: number) => `${PLACEMENTS_BASE}/ny/${proposalId}`;

/** Procedure prefixes whose queries change when a placement changes (journey, capacity, proposals, contracts). */
export const PLACEMENT_INVALIDATES = [
  'placements.',
  'participants.',
  'proposals.',
  'review.',
  'matching.',
  'positions.',
  'contracts.',
];

export { todayIso } from '../../api/server-time';

/** The last day of a placement as the shared rule computes it (end = start + N months − 1 day), or null. */
export function computedEnd(start: string, months: string): string | null {
  const m = Number(months);
  if (!isValidIsoDate(start) || !Number.isInteger(m) || m < 1 || m > 120) return null;
  return subsidyEndDate(start, m);
}

// ---------------------------------------------------------------------------------------------------------------
// Money: the API speaks öre, the forms kronor

/** An amount in öre as kronor, exactly ("24 500 kr", "21 500,50 kr"); a dash for none. */
export function kronor(ore: number | null | undefined): string {
  return ore === null || ore === undefined ? '–' : formatKronor(ore);
}

const NBSP = /[\s\u00a0\u202f]/g;

/** 2450000 öre → "24500" (or "24500,50"), for a form field. */
export function oreToKronorInput(ore: number | null | undefined): string {
  if (ore === null || ore === undefined) return '';
  const kr = Math.floor(ore / 100);
  const rest = ore % 100;
  return rest ? `${kr},${String(rest).padStart(2, '0')}` : String(kr);
}

/**
 * "24 500", "24500,50" or "24 500 kr" → öre. Empty → null. Anything that is not an amount in kronor → NaN (the form
 * says so on the field).
 */
export function kronorInputToOre(text: string): number | null {
  const s = text.replace(NBSP, '').replace(/kr$/i, '').replace(',', '.');
  if (s === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return Number.NaN;
  return Math.round(Number(s) * 100);
}

// ---------------------------------------------------------------------------------------------------------------
// Errors from the main process on forms

/**
 * Puts a server error on the form: a VALIDATION error with a known field goes to that field; a rule refusal (RULE,
 * CONFLICT …) is returned for an alert with the whole Swedish reason, and its field (if any) is marked too.
 * `fieldMap` maps the server's field names to the form's (e.g. monthlySalaryOre → monthlySalary).
 */
export function serverErrorToForm<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  fieldMap: Record<string, string> = {},
): string | null {
  if (error instanceof RpcClientError && error.field) {
    const field = fieldMap[error.field] ?? error.field;
    if (fields.includes(field)) {
      if (error.code === 'VALIDATION') {
        setError(field as Path<T>, { type: 'server', message: error.message });
        return null;
      }
      setError(field as Path<T>, { type: 'server', message: '' });
    }
  }
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------------------------
// Small presentational parts

/** A titled box on a detail page. */
export function Section({
  id,
  title,
  lead,
  actions,
  children,
}: {
  id: string;
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: 2, mb: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: lead ? 0.5 : 1 }}>
        <Typography id={id} component="h2" variant="h3" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        {actions}
      </Box>
      {lead && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {lead}
        </Typography>
      )}
      {children}
    </Paper>
  );
}

/** Days left of a placement as text and colour (never colour alone): "19 dagar kvar", "Slutdatum passerat". */
export function DaysLeftChip({
  p,
  size = 'small',
}: {
  p: Pick<PlacementSummary, 'status' | 'phase' | 'daysLeft' | 'endWarning'>;
  size?: 'small' | 'medium';
}) {
  const { t } = useTranslation();
  if (p.status === 'ended') return <Chip size={size} variant="outlined" label={t('placements.phase.ended')} />;
  if (p.phase === 'overdue') {
    return <Chip size={size} color="error" label={t('placements.daysLeft.overdue', { count: -p.daysLeft })} />;
  }
  const label =
    p.daysLeft === 0 ? t('placements.daysLeft.lastDay') : t('placements.daysLeft.left', { count: p.daysLeft });
  const color =
    p.endWarning === 30 ? 'error' : p.endWarning === 60 ? 'warning' : p.endWarning === 90 ? 'info' : 'default';
  return <Chip size={size} color={color} variant={p.endWarning ? 'filled' : 'outlined'} label={label} />;
}

const PHASE_COLOR: Record<PlacementSummary['phase'], 'default' | 'primary' | 'success' | 'error'> = {
  upcoming: 'primary',
  running: 'success',
  overdue: 'error',
  ended: 'default',
};

export function PhaseChip({ phase, size = 'small' }: { phase: PlacementSummary['phase']; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return (
    <Chip
      size={size}
      variant={phase === 'running' ? 'filled' : 'outlined'}
      color={PHASE_COLOR[phase]}
      label={t(`placements.phase.${phase}`)}
    />
  );
}

/** "12 månader" / "1 månad". */
export function useMonthsText() {
  const { t } = useTranslation();
  return (n: number) => t('placements.months', { count: n });
}

// ---------------------------------------------------------------------------------------------------------------
// Approved proposals that have not become placements

/** Approved proposals that have not become placements yet (each placement names the proposal it came from). */
export function useApprovedWithoutPlacement(opts: { enabled?: boolean } = {}) {
  const proposals = useRpcQuery(
    'proposals.list',
    { statuses: ['approved'], offset: 0, limit: 500 },
    { enabled: opts.enabled ?? true },
  );
  const placements = useRpcQuery('placements.list', { status: 'all', mine: false }, { enabled: opts.enabled ?? true });
  const placed = new Set((placements.data ?? []).map((p) => p.proposalId));
  const rows: Proposal[] =
    proposals.data && placements.data ? proposals.data.rows.filter((p) => !placed.has(p.id)) : [];
  return {
    rows,
    truncated: (proposals.data?.total ?? 0) > (proposals.data?.rows.length ?? 0),
    isLoading: proposals.isLoading || placements.isLoading,
    error: proposals.error ?? placements.error,
  };
}

// ---------------------------------------------------------------------------------------------------------------

export type PlacementsTab = 'placements' | 'toPlace';

/** The section's two tabs (links): the placements, and approved proposals waiting to be placed. */
export function PlacementsTabs({ value, toPlaceCount }: { value: PlacementsTab; toPlaceCount?: number }) {
  const { t } = useTranslation();
  return (
    <Tabs value={value} aria-label={t('placements.tabs.label')} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
      <Tab value="placements" label={t('placements.tabs.placements')} component={RouterLink} to={PLACEMENTS_BASE} />
      <Tab
        value="toPlace"
        label={
          toPlaceCount === undefined
            ? t('placements.tabs.toPlace')
            : t('placements.tabs.toPlaceCount', { count: toPlaceCount })
        }
        component={RouterLink}
        to={`${PLACEMENTS_BASE}/att-placera`}
      />
    </Tabs>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Arbetsförmedlingen's decision: the same four fields on the new placement, its correction and its extension

export type DecisionField = 'afDecisionNumber' | 'afDecisionDate' | 'subsidyPercent' | 'subsidyCeiling';

/**
 * Decision number and date, and (when `subsidy`) the subsidy percent and the ceiling in kronor. `field` gives each
 * input its registration, error state and helper text from the caller's form.
 */
export function DecisionFields({
  field,
  subsidy = true,
  breakpoint = 'sm',
}: {
  field: (name: DecisionField) => Partial<TextFieldProps>;
  subsidy?: boolean;
  breakpoint?: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  const row = {
    direction: { xs: 'column', [breakpoint]: 'row' },
    spacing: 2,
    sx: { alignItems: 'flex-start' },
  } as const;
  return (
    <>
      <Stack {...row}>
        <TextField label={t('placements.field.decisionNumber')} required {...field('afDecisionNumber')} />
        <TextField
          label={t('placements.field.decisionDate')}
          type="date"
          required
          slotProps={{ inputLabel: { shrink: true } }}
          {...field('afDecisionDate')}
        />
      </Stack>
      {subsidy && (
        <Stack {...row}>
          <TextField
            label={t('placements.field.percent')}
            type="number"
            slotProps={{ htmlInput: { min: 0, max: 100 } }}
            {...field('subsidyPercent')}
          />
          <TextField label={t('placements.field.ceilingKr')} inputMode="decimal" {...field('subsidyCeiling')} />
        </Stack>
      )}
    </>
  );
}

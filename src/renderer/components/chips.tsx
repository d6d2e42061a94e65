import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import Chip, { type ChipProps } from '@mui/material/Chip';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import PauseCircleOutline from '@mui/icons-material/PauseCircleOutlineOutlined';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import type { EnumName, EnumValue } from '../app/locales/enums';
import type { DecisionKind } from '../../shared/domain/review';
import type { PlacementSummary } from '../../shared/domain/placement';
import { useLabel } from './labels';

type Colour = NonNullable<ChipProps['color']>;
interface ChipStyle {
  color: Colour;
  /** Outlined for "quiet" states (ended, draft); filled otherwise. */
  outlined?: boolean;
}

/**
 * How each status of each shared enum looks as a chip. The text always says the status (in the user's language);
 * colour and fill only support it (WCAG 1.4.1).
 */
const STYLES = {
  stage: {
    referred: { color: 'default' },
    meeting_booked: { color: 'info' },
    attended: { color: 'info' },
    mapped: { color: 'primary' },
    matching: { color: 'primary' },
    proposed: { color: 'secondary' },
    approved: { color: 'success' },
    placed: { color: 'success' },
    exited: { color: 'default', outlined: true },
    paused: { color: 'warning' },
    closed: { color: 'default', outlined: true },
  },
  proposalStatus: {
    draft: { color: 'default', outlined: true },
    submitted: { color: 'info' },
    approved: { color: 'success' },
    vetoed: { color: 'error' },
    deferred: { color: 'warning' },
    withdrawn: { color: 'default', outlined: true },
  },
  contractStatus: {
    generated: { color: 'info', outlined: true },
    sent: { color: 'warning', outlined: true },
    signed: { color: 'success', outlined: true },
    registered: { color: 'success' },
    superseded: { color: 'default', outlined: true },
  },
  reviewMeetingStatus: {
    planned: { color: 'primary', outlined: true },
    open: { color: 'warning' },
    closed: { color: 'success' },
    cancelled: { color: 'default' },
  },
  infoMeetingStatus: {
    upcoming: { color: 'primary' },
    ongoing: { color: 'warning' },
    held: { color: 'default', outlined: true },
    cancelled: { color: 'error' },
  },
  bookingStatus: {
    booked: { color: 'info', outlined: true },
    attended: { color: 'success' },
    no_show: { color: 'warning' },
    cancelled: { color: 'default', outlined: true },
  },
  deviationStatus: { open: { color: 'warning' }, sent: { color: 'info' }, done: { color: 'success' } },
  placementPhase: {
    upcoming: { color: 'primary', outlined: true },
    running: { color: 'success' },
    overdue: { color: 'error', outlined: true },
    ended: { color: 'default', outlined: true },
  },
  placementStatus: { active: { color: 'success' }, ended: { color: 'default', outlined: true } },
} satisfies { [N in EnumName]?: Record<EnumValue<N>, ChipStyle> };

export type ChipEnum = keyof typeof STYLES;

/** A status of a shared enum as a chip: `<StatusChip kind="stage" value="mapped" />`. */
export function StatusChip<N extends ChipEnum>({
  kind,
  value,
  size = 'small',
  label,
  icon,
}: {
  kind: N;
  value: EnumValue<N>;
  size?: 'small' | 'medium';
  /** Another text than the enum's label (e.g. a count after it). */
  label?: string;
  icon?: ReactElement;
}) {
  const { t } = useTranslation();
  const style = (STYLES[kind] as Record<string, ChipStyle>)[String(value)] ?? { color: 'default' };
  // A chip may say it shorter than the enum's label (kit.chip.<enum>.<value>); otherwise the label.
  const text = t([`kit.chip.${kind}.${String(value)}`, `enum.${kind}.${String(value)}`]);
  return (
    <Chip
      size={size}
      color={style.color}
      variant={style.outlined ? 'outlined' : 'filled'}
      label={label ?? text}
      {...(icon ? { icon } : {})}
    />
  );
}

export const StageChip = (p: { stage: EnumValue<'stage'>; size?: 'small' | 'medium' }) => (
  <StatusChip kind="stage" value={p.stage} size={p.size} />
);
export const ProposalStatusChip = (p: { status: EnumValue<'proposalStatus'>; size?: 'small' | 'medium' }) => (
  <StatusChip kind="proposalStatus" value={p.status} size={p.size} />
);
export const ContractStatusChip = (p: { status: EnumValue<'contractStatus'>; size?: 'small' | 'medium' }) => (
  <StatusChip kind="contractStatus" value={p.status} size={p.size} />
);
export const PhaseChip = (p: { phase: EnumValue<'placementPhase'>; size?: 'small' | 'medium' }) => (
  <StatusChip kind="placementPhase" value={p.phase} size={p.size} />
);

/** A review meeting's status; an open meeting whose day has passed reads "Ej avslutat" in red. */
export function MeetingStatusChip({
  status,
  overdue = false,
  size = 'small',
}: {
  status: EnumValue<'reviewMeetingStatus'>;
  overdue?: boolean;
  size?: 'small' | 'medium';
}) {
  const { t } = useTranslation();
  if (overdue) return <Chip size={size} color="error" label={t('kit.chip.meetingOverdue')} />;
  return <StatusChip kind="reviewMeetingStatus" value={status} size={size} />;
}

const DECISION_COLOR: Record<DecisionKind, Colour> = { approve: 'success', veto: 'error', defer: 'warning' };
export const DECISION_ICON: Record<DecisionKind | 'none', typeof CheckCircleOutline> = {
  approve: CheckCircleOutline,
  veto: BlockOutlined,
  defer: PauseCircleOutline,
  none: RadioButtonUnchecked,
};

/** A union decision as a chip with an icon (never colour alone). Draft decisions are outlined. */
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
  const label = useLabel();
  const Icon = DECISION_ICON[kind ?? 'none'];
  return (
    <Chip
      size={size}
      icon={<Icon />}
      color={kind ? DECISION_COLOR[kind] : 'default'}
      variant={draft || !kind ? 'outlined' : 'filled'}
      label={kind ? label('decision', kind) : (noneLabel ?? t('kit.chip.noDecision'))}
    />
  );
}

/** Free slots as text and colour: "2 av 4 lediga". */
export function FreeChip({ free, slots, size = 'small' }: { free: number; slots: number; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return (
    <Chip
      size={size}
      variant={free > 0 ? 'filled' : 'outlined'}
      color={free > 0 ? 'success' : 'default'}
      label={t('kit.chip.free', { free, slots })}
    />
  );
}

/** Days left of a placement: "19 dagar kvar", "Sista dagen", "Slutdatum passerat för 3 dagar sedan". */
export function DaysLeftChip({
  p,
  size = 'small',
}: {
  p: Pick<PlacementSummary, 'status' | 'phase' | 'daysLeft' | 'endWarning'>;
  size?: 'small' | 'medium';
}) {
  const { t } = useTranslation();
  const label = useLabel();
  if (p.status === 'ended') return <Chip size={size} variant="outlined" label={label('placementPhase', 'ended')} />;
  if (p.phase === 'overdue') {
    return <Chip size={size} color="error" label={t('kit.chip.overdue', { count: -p.daysLeft })} />;
  }
  const text = p.daysLeft === 0 ? t('kit.chip.lastDay') : t('kit.chip.daysLeft', { count: p.daysLeft });
  const color: Colour =
    p.endWarning === 30 ? 'error' : p.endWarning === 60 ? 'warning' : p.endWarning === 90 ? 'info' : 'default';
  return <Chip size={size} color={color} variant={p.endWarning ? 'filled' : 'outlined'} label={text} />;
}

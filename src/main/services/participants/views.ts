/**
 * Shaping participant rows: derived columns (search text, sort key, reference), the views the contract sends (detail
 * with timeline, list rows). The rows come from the participants store (src/main/store/participants.ts).
 */
import type { Reader } from '../../store';
import { eventsOfParticipant, exitFollowUpsOf, findParticipant, type ParticipantRow } from '../../store/participants';
import { bookingsOfParticipant, deviationsOfParticipant } from '../../store/meetings';
import { loadRecord } from '../../store/record';
import { userNames, userRecord } from '../../store/users';
import type { ServiceContext } from '../context';
import { localToday } from '../../util/clock';
import { notFound, validation } from '../../../shared/errors';
import { hasAnyRole, type Role } from '../../../shared/domain/roles';
import {
  CLOSE_REASON_LABELS,
  EXIT_OUTCOME_LABELS,
  PAUSE_REASON_LABELS,
  SELF_SUPPORTING_LABELS,
  STAGE_LABELS,
  TIMELINE_KIND_LABELS,
  buildSearchText,
  sortNameOf,
  type CloseReason,
  type EducationLevel,
  type ExitOutcome,
  type LicenceClass,
  type ParticipantDetail,
  type ParticipantListRow,
  type PauseReason,
  type PlacementKind,
  type SelfSupporting,
  type Stage,
  type SwedishLevel,
  type TimelineEvent,
} from '../../../shared/domain/participant';
import {
  MAPPING_REQUIREMENT_LABELS,
  mappingMissing,
  nextSteps,
  type JourneyState,
  type MappingForCheck,
} from '../../../shared/rules/journey';
import { ageOn, birthDateOf, formatPersonnummer } from '../../../shared/rules/personnummer';
import { diffDays, isValidIsoDate } from '../../../shared/rules/dates';

export type { ParticipantRow };
export { participantAuditView as auditView } from '../../store/participants';
export type UserRef = { id: number; name: string };

export async function loadParticipant(r: Reader, id: number): Promise<ParticipantRow> {
  const row = await findParticipant(r, id);
  if (!row) throw notFound('Deltagaren');
  return row;
}

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** The columns maintained from others on every write. */
export function derivedColumns(p: {
  firstName: string;
  lastName: string;
  personnummer: string;
  ref: string;
  caseworkerName: string | null;
}): { searchText: string; sortName: string } {
  return { searchText: buildSearchText(p), sortName: sortNameOf(p.firstName, p.lastName) };
}

export { nextRefNumber } from '../../store/participants';

export const formatRef = (year: string, n: number) => `${year}-${String(n).padStart(4, '0')}`;

export async function userRefs(r: Reader, ids: Iterable<number | null | undefined>): Promise<Map<number, UserRef>> {
  const names = await userNames(r, ids);
  return new Map([...names].map(([id, name]) => [id, { id, name }]));
}

/** Checks that a coordinator id names an active user with the coordinator role. */
export async function assertCoordinator(r: Reader, userId: number): Promise<void> {
  const u = await loadRecord(r, userRecord, userId).catch(() => undefined);
  if (!u || !u.active || !(u.roles as Role[]).includes('coordinator')) {
    throw validation('Koordinator: Välj en aktiv användare med rollen koordinator.', 'coordinatorId');
  }
}

/** The default coordinator of a new participant: the caller, if a coordinator. */
export function defaultCoordinator(ctx: ServiceContext): number | null {
  return ctx.user && hasAnyRole(ctx.user.roles, ['coordinator']) ? ctx.user.id : null;
}

export function mappingOf(row: ParticipantRow): MappingForCheck & {
  licenceClasses: string[];
  ssykCode: string | null;
} {
  return {
    languages: row.languages,
    swedishLevel: row.swedishLevel,
    educationLevel: row.educationLevel,
    licenceClasses: row.licenceClasses,
    experienceText: row.experienceText,
    ssykCode: row.ssykCode,
    skills: row.skills,
    interests: row.interests,
    wishedKinds: row.wishedKinds,
    availablePercent: row.availablePercent,
    earliestStart: row.earliestStart,
  };
}

export function journeyState(row: ParticipantRow): JourneyState {
  return {
    stage: row.stage as Stage,
    pausedFromStage: (row.pausedFromStage as Stage | null) ?? null,
    mapping: mappingOf(row),
  };
}

function identityOf(row: ParticipantRow, today: string) {
  const canonical = row.personnummer;
  let birthDate = '';
  let age = 0;
  try {
    birthDate = birthDateOf(canonical);
    age = ageOn(canonical, today);
  } catch {
    // a stored number that is not a date cannot happen through the services; show it without age
  }
  return {
    id: row.id,
    ref: row.ref,
    personnummer: canonical,
    personnummerFormatted: /^\d{12}$/.test(canonical) ? formatPersonnummer(canonical) : canonical,
    identityKind: Number(canonical.slice(6, 8)) > 60 ? ('samordningsnummer' as const) : ('personnummer' as const),
    birthDate,
    age,
    firstName: row.firstName,
    lastName: row.lastName,
    name: fullName(row),
  };
}

function daysSince(date: string, today: string): number {
  return isValidIsoDate(date) ? Math.max(0, diffDays(date, today)) : 0;
}

/** 'YYYY-MM-DDTHH:MM' → 'YYYY-MM-DD kl. HH:MM'. */
export const formatLocalTime = (s: string) => (s.length >= 16 ? `${s.slice(0, 10)} kl. ${s.slice(11, 16)}` : s);

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** One Swedish line for a timeline event, from its kind, stages and data. */
export function eventSummary(e: {
  kind: string;
  fromStage: string | null;
  toStage: string | null;
  data: Record<string, unknown> | null;
}): string {
  const d = e.data ?? {};
  const summary = str(d.summary);
  if (summary) return summary;
  const meeting = str(d.startsAt)
    ? `${formatLocalTime(String(d.startsAt))}${str(d.place) ? `, ${String(d.place)}` : ''}`
    : '';
  const stageLabel = (s: string | null) => (s && s in STAGE_LABELS ? STAGE_LABELS[s as Stage] : (s ?? ''));
  switch (d.command) {
    case 'book_meeting':
      return `Bokad till informationsmöte ${meeting}`;
    case 'cancel_booking':
      return d.meetingCancelled
        ? `Informationsmötet ${meeting} ställdes in`
        : `Avbokad från informationsmöte ${meeting}`;
    case 'record_attended':
      return `Deltog i informationsmöte ${meeting}`;
    case 'record_no_show':
      return `Uteblev från informationsmöte ${meeting}${typeof d.noShowNumber === 'number' ? ` (${d.noShowNumber}:a gången)` : ''}`;
    case 'mark_mapped':
      return 'Kartläggningen klar – kartlagd';
    case 'start_matching':
      return 'Redo för matchning';
    case 'back_to_mapping':
      return 'Tillbaka till kartläggning';
    case 'pause':
      return `Pausad: ${PAUSE_REASON_LABELS[d.reason as PauseReason] ?? 'okänd orsak'}${str(d.expectedReturn) ? `, förväntad åter ${String(d.expectedReturn)}` : ''}`;
    case 'resume':
      return `Återupptagen (till ${stageLabel(e.toStage).toLocaleLowerCase('sv-SE')})`;
    case 'close':
      return `Avslutad utan placering: ${CLOSE_REASON_LABELS[d.reason as CloseReason] ?? 'okänd orsak'}`;
    case 'exit':
      return `Avslutad med utfall: ${EXIT_OUTCOME_LABELS[d.outcome as ExitOutcome] ?? 'okänt'}${str(d.date) ? ` (${String(d.date)})` : ''}`;
    case 'reopen':
      return `Ny remiss${str(d.referralDate) ? ` ${String(d.referralDate)}` : ''} – åter remitterad`;
    default:
      break;
  }
  switch (e.kind) {
    case 'created':
      return d.source === 'import'
        ? `Registrerad från remissfilen ${str(d.fileName) ?? ''} (rad ${String(d.rowNumber ?? '?')})`
        : 'Registrerad som remitterad';
    case 'mapping':
      return 'Kartläggningen uppdaterad';
    case 'note':
      return 'Anteckning';
    case 'deviation':
      if (d.status === 'sent') return 'Avvikelsen skickad till remitterande handläggare';
      if (d.status === 'done') return 'Avvikelsen avslutad';
      if (d.status === 'open') return 'Avvikelsen öppnad igen';
      return 'Avvikelse till remitterande handläggare: upprepade uteblivna besök';
    case 'follow_up':
      return `Uppföljning efter ${String(d.months ?? '?')} månader: ${SELF_SUPPORTING_LABELS[d.selfSupporting as SelfSupporting] ?? 'registrerad'}`;
    default:
      break;
  }
  const kindLabel = TIMELINE_KIND_LABELS[e.kind] ?? e.kind;
  if (e.fromStage || e.toStage) return `${kindLabel}: ${stageLabel(e.fromStage)} → ${stageLabel(e.toStage)}`;
  return kindLabel;
}

const asStage = (s: string | null): Stage | null => (s && s in STAGE_LABELS ? (s as Stage) : null);

export async function timelineOf(r: Reader, participantId: number): Promise<TimelineEvent[]> {
  const rows = await eventsOfParticipant(r, participantId);
  const names = await userRefs(
    r,
    rows.map((x) => x.userId),
  );
  return rows.map((x) => ({
    id: x.id,
    at: x.at,
    user: x.userId === null ? null : (names.get(x.userId) ?? null),
    kind: x.kind,
    fromStage: asStage(x.fromStage),
    toStage: asStage(x.toStage),
    summary: eventSummary(x),
    note: x.note,
    data: x.data ?? null,
  }));
}

/** The full view (coordinators and admins); the contract narrows it for other roles. */
export async function toDetail(
  ctx: ServiceContext,
  row: ParticipantRow,
  r: Reader = ctx.db,
): Promise<ParticipantDetail> {
  const today = localToday(ctx.clock);
  const state = journeyState(row);
  const missing = mappingMissing(state.mapping);
  const coordinator =
    row.coordinatorId === null ? null : ((await userRefs(r, [row.coordinatorId])).get(row.coordinatorId) ?? null);

  const bookings = (await bookingsOfParticipant(r, row.id)).map((b) => ({
    meetingId: b.meetingId,
    startsAt: b.startsAt,
    place: b.place,
    status: b.status as 'booked' | 'attended' | 'no_show' | 'cancelled',
  }));

  const deviations = (await deviationsOfParticipant(r, row.id)).map((d) => ({
    ...d,
    status: d.status as 'open' | 'sent' | 'done',
  }));

  const followUps = (await exitFollowUpsOf(r, row.id)).map((f) => ({
    id: f.id,
    exitDate: f.exitDate,
    months: f.months,
    dueDate: f.dueDate,
    selfSupporting: f.selfSupporting as SelfSupporting | null,
    note: f.note,
    recordedAt: f.recordedAt,
  }));

  const stage = row.stage as Stage;
  return {
    ...identityOf(row, today),
    phone: row.phone,
    email: row.email,
    address: row.address,
    postalCode: row.postalCode,
    city: row.city,
    district: row.district,
    referralDate: row.referralDate,
    caseworker: {
      name: row.caseworkerName,
      unit: row.caseworkerUnit,
      phone: row.caseworkerPhone,
      email: row.caseworkerEmail,
    },
    coordinator,
    stage,
    stageLabel: STAGE_LABELS[stage],
    stageSince: row.stageSince,
    daysInStage: daysSince(row.stageSince, today),
    mapping: {
      languages: row.languages,
      swedishLevel: row.swedishLevel as SwedishLevel | null,
      educationLevel: row.educationLevel as EducationLevel | null,
      licenceClasses: row.licenceClasses as LicenceClass[],
      experienceText: row.experienceText,
      ssykCode: row.ssykCode,
      skills: row.skills,
      interests: row.interests,
      wishedKinds: row.wishedKinds as PlacementKind[],
      availablePercent: row.availablePercent,
      earliestStart: row.earliestStart,
    },
    mappingStatus: {
      complete: missing.length === 0,
      missing: missing.map((f) => ({ field: f, label: MAPPING_REQUIREMENT_LABELS[f] })),
    },
    pause:
      stage === 'paused' && row.pausedFromStage
        ? {
            fromStage: row.pausedFromStage as Stage,
            reason: (row.pauseReason ?? 'other') as PauseReason,
            expectedReturn: row.pauseExpectedReturn,
            overdue: row.pauseExpectedReturn !== null && row.pauseExpectedReturn <= today,
          }
        : null,
    closeReason: stage === 'closed' ? ((row.closeReason as CloseReason | null) ?? null) : null,
    exit:
      stage === 'exited' && row.exitOutcome && row.exitDate
        ? { outcome: row.exitOutcome as ExitOutcome, date: row.exitDate }
        : null,
    noShowCount: row.noShowCount,
    restrictions: row.restrictions,
    childrenInHousehold: row.childrenInHousehold,
    longTermRecipient: row.longTermRecipient,
    monthlyAssistance: row.monthlyAssistance,
    caseNotes: row.caseNotes,
    nextSteps: nextSteps(state),
    timeline: await timelineOf(r, row.id),
    bookings,
    deviations,
    followUps,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toListRow(row: ParticipantRow, today: string, coordinators: Map<number, UserRef>): ParticipantListRow {
  const stage = row.stage as Stage;
  const id = identityOf(row, today);
  return {
    id: row.id,
    ref: row.ref,
    personnummer: row.personnummer,
    personnummerFormatted: id.personnummerFormatted,
    name: id.name,
    firstName: row.firstName,
    lastName: row.lastName,
    district: row.district,
    stage,
    stageLabel: STAGE_LABELS[stage],
    stageSince: row.stageSince,
    daysInStage: daysSince(row.stageSince, today),
    referralDate: row.referralDate,
    caseworkerName: row.caseworkerName,
    coordinator: row.coordinatorId === null ? null : (coordinators.get(row.coordinatorId) ?? null),
    swedishLevel: row.swedishLevel as SwedishLevel | null,
    availablePercent: row.availablePercent,
    wishedKinds: row.wishedKinds as PlacementKind[],
    longTermRecipient: row.longTermRecipient,
    childrenInHousehold: row.childrenInHousehold,
    noShowCount: row.noShowCount,
    pauseExpectedReturn: stage === 'paused' ? row.pauseExpectedReturn : null,
  };
}

export { findByPersonnummer } from '../../store/participants';

/**
 * What may be done next with a review meeting, a proposal, a placement or a contract, and why not when it may not
 * — decided here, once, from the record's state (as `nextSteps` in journey.ts does for a participant). The main
 * process attaches the result to every reply that carries the record (`actions`); screens show the buttons it
 * allows and the reason it gives, they do not decide. Whether the user's role may call the procedure at all comes
 * from the contract's roles; the main process enforces both. Pure: no database, no clock (`today` is passed in).
 */
import type { MessageParams, MessageRef } from '../messages';
import type {
  ActionState,
  ContractActions,
  MeetingActions,
  PlacementActions,
  ProposalActions,
} from '../domain/actions';
import { CONTRACT_STATUS_LABELS, CONTRACT_STEP_REQUIRES, type ContractStatus } from '../domain/contract-doc';
import type { EmploymentForm } from '../domain/position';
import type { PlacementStatus } from '../domain/placement';
import { PROPOSAL_STATUS_LABELS, type ProposalStatus } from '../domain/proposal';
import type { MeetingStatus } from '../domain/review';

const yes: ActionState = { allowed: true, reason: null, reasonRef: null };
const no = (reason: string, key: string, params?: MessageParams): ActionState => ({
  allowed: false,
  reason,
  reasonRef: params ? ({ key, params } satisfies MessageRef) : { key },
});

// ---------------------------------------------------------------------------------------------------------------
// Review meetings (docs/product.md §3, §4 rule 2–3)

function meetingEnded(status: MeetingStatus): ActionState | null {
  if (status === 'closed') return no('Mötet är avslutat och protokollet är låst.', 'actions.meeting.closed');
  if (status === 'cancelled') return no('Mötet är inställt.', 'actions.meeting.cancelled');
  return null;
}

export function meetingActions(m: { status: MeetingStatus; date: string }, today: string): MeetingActions {
  const ended = meetingEnded(m.status);
  const open =
    ended ??
    (m.status === 'open'
      ? no('Mötet pågår redan.', 'actions.meeting.alreadyOpen')
      : m.date > today
        ? no(`Mötet kan öppnas på mötesdagen, ${m.date}.`, 'actions.meeting.notYet', { date: m.date })
        : yes);
  const isOpen = m.status === 'open' ? yes : (ended ?? no('Mötet är inte öppnat än.', 'actions.meeting.notOpen'));
  return {
    open,
    meetingMode: isOpen,
    editAttendees: ended ?? yes,
    cancel:
      ended ??
      (m.status === 'open'
        ? no('Mötet pågår; avsluta det i stället för att ställa in det.', 'actions.meeting.openNoCancel')
        : yes),
    close: isOpen,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Proposals (docs/product.md §3, §4 rule 1)

const statusText = (s: ProposalStatus) => `”${PROPOSAL_STATUS_LABELS[s]}”`;

export function proposalActions(p: { status: ProposalStatus }): ProposalActions {
  const s = p.status;
  return {
    submit:
      s === 'draft'
        ? yes
        : no(`Bara utkast kan skickas in; förslaget är ${statusText(s)}.`, 'actions.proposal.onlyDrafts', {
            status: s,
          }),
    withdraw:
      s === 'vetoed'
        ? no('Ett förslag med veto kan inte återkallas; beslutet står kvar.', 'actions.proposal.vetoed')
        : s === 'withdrawn'
          ? no('Förslaget är redan återkallat.', 'actions.proposal.alreadyWithdrawn')
          : yes,
    place:
      s === 'approved'
        ? yes
        : no(
            `Bara ett godkänt förslag kan bli en placering; förslaget är ${statusText(s)}.`,
            'actions.proposal.notApproved',
            { status: s },
          ),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Placements (docs/product.md §3, §4 rule 4)

export function placementActions(p: {
  status: PlacementStatus;
  employmentForm: EmploymentForm;
  /** Months left of the subsidy type's maximum (null: no maximum). */
  remainingMonths: number | null;
  maxMonths: number | null;
}): PlacementActions {
  const ended = p.status !== 'active' ? no('Placeringen är avslutad.', 'actions.placement.ended') : null;
  return {
    edit: ended ?? yes,
    extend:
      ended ??
      (p.employmentForm === 'summer_job'
        ? no('Ett feriearbete kan inte förlängas; det följer sin period.', 'actions.placement.summerJob')
        : p.remainingMonths === 0
          ? no(
              `Stödet har redan nått sin längsta tid (högst ${p.maxMonths ?? 0} månader) och kan inte förlängas.`,
              'actions.placement.noMonthsLeft',
              { max: p.maxMonths ?? 0 },
            )
          : yes),
    followUp: ended ?? yes,
    end: ended ?? yes,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Contracts (docs/product.md §3: generated → sent → signed → registered in payroll)

export function contractActions(c: { status: ContractStatus }): ContractActions {
  const step = (needs: ContractStatus): ActionState => {
    if (c.status === 'superseded') return no('Versionen är ersatt av en nyare version.', 'actions.contract.superseded');
    if (c.status === needs) return yes;
    return no(
      `Avtalet har status ”${CONTRACT_STATUS_LABELS[c.status]}”; steget kräver ”${CONTRACT_STATUS_LABELS[needs]}”.`,
      'actions.contract.wrongStatus',
      { status: c.status, needs },
    );
  };
  return {
    markSent: step(CONTRACT_STEP_REQUIRES.sent),
    markSigned: step(CONTRACT_STEP_REQUIRES.signed),
    markRegistered: step(CONTRACT_STEP_REQUIRES.registered),
  };
}

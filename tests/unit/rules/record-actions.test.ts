import { describe, expect, it } from 'vitest';
import {
  contractActions,
  meetingActions,
  placementActions,
  proposalActions,
} from '../../../src/shared/rules/record-actions';

describe('what may be done next, decided once in src/shared (docs/product.md §3, §4)', () => {
  it('a planned review meeting opens on its day, not before, and never twice', () => {
    const before = meetingActions({ status: 'planned', date: '2026-12-01' }, '2026-11-30');
    expect(before.open).toMatchObject({
      allowed: false,
      reasonRef: { key: 'actions.meeting.notYet', params: { date: '2026-12-01' } },
    });
    expect(before.open.reason).toContain('2026-12-01');
    expect(before.cancel.allowed).toBe(true);
    expect(before.meetingMode.allowed).toBe(false);
    expect(meetingActions({ status: 'planned', date: '2026-12-01' }, '2026-12-01').open.allowed).toBe(true);
    // a meeting whose day has passed can still be held late
    expect(meetingActions({ status: 'planned', date: '2026-12-01' }, '2026-12-09').open.allowed).toBe(true);
    const open = meetingActions({ status: 'open', date: '2026-12-01' }, '2026-12-01');
    expect(open).toMatchObject({
      open: { allowed: false },
      meetingMode: { allowed: true },
      close: { allowed: true },
      cancel: { allowed: false },
    });
  });

  it('a closed or cancelled meeting allows nothing, and says why', () => {
    for (const status of ['closed', 'cancelled'] as const) {
      const a = meetingActions({ status, date: '2026-12-01' }, '2026-12-01');
      for (const s of Object.values(a)) expect(s.allowed).toBe(false);
      expect(a.editAttendees.reason).toMatch(status === 'closed' ? /låst/ : /inställt/);
    }
  });

  it('proposals: drafts are submitted, approved ones placed, vetoes stand', () => {
    expect(proposalActions({ status: 'draft' })).toMatchObject({
      submit: { allowed: true },
      withdraw: { allowed: true },
      place: { allowed: false },
    });
    expect(proposalActions({ status: 'approved' })).toMatchObject({
      submit: { allowed: false },
      place: { allowed: true },
    });
    expect(proposalActions({ status: 'vetoed' }).withdraw).toMatchObject({
      allowed: false,
      reasonRef: { key: 'actions.proposal.vetoed' },
    });
    expect(proposalActions({ status: 'submitted' }).place.reason).toContain('”Inskickat till facklig prövning”');
  });

  it('placements: only an active one changes; a summer job and a used-up subsidy are not extended', () => {
    const active = {
      status: 'active',
      employmentForm: 'subsidised_employment',
      remainingMonths: 6,
      maxMonths: 24,
    } as const;
    expect(Object.values(placementActions(active)).every((s) => s.allowed)).toBe(true);
    expect(placementActions({ ...active, remainingMonths: 0 }).extend).toMatchObject({
      allowed: false,
      reasonRef: { params: { max: 24 } },
    });
    expect(placementActions({ ...active, remainingMonths: 0 }).extend.reason).toContain('högst 24 månader');
    expect(placementActions({ ...active, remainingMonths: null, maxMonths: null }).extend.allowed).toBe(true);
    expect(placementActions({ ...active, employmentForm: 'summer_job' }).extend.reasonRef?.key).toBe(
      'actions.placement.summerJob',
    );
    expect(Object.values(placementActions({ ...active, status: 'ended' })).some((s) => s.allowed)).toBe(false);
  });

  it('contracts move one step at a time; a superseded version stays as it was', () => {
    expect(contractActions({ status: 'generated' })).toMatchObject({
      markSent: { allowed: true },
      markSigned: { allowed: false },
      markRegistered: { allowed: false },
    });
    expect(contractActions({ status: 'sent' }).markSigned.allowed).toBe(true);
    expect(contractActions({ status: 'signed' }).markRegistered.allowed).toBe(true);
    expect(Object.values(contractActions({ status: 'registered' })).some((s) => s.allowed)).toBe(false);
    expect(contractActions({ status: 'superseded' }).markSent.reasonRef?.key).toBe('actions.contract.superseded');
  });
});

describe('the keys of the reasons', () => {
  it('every reason has a translation, and the Swedish translation is the reason itself', async () => {
    const { createInstance } = await import('i18next');
    const { kitTexts } = await import('../../../src/renderer/app/locales/kit');
    const { enEnums, svEnums } = await import('../../../src/renderer/app/locales/enums');
    const i18n = createInstance();
    await i18n.init({
      resources: {
        sv: { translation: { ...kitTexts.sv, enum: svEnums } },
        en: { translation: { ...kitTexts.en, enum: enEnums } },
      },
      lng: 'sv',
      interpolation: { escapeValue: false },
    });
    const states = [
      ...(['planned', 'open', 'closed', 'cancelled'] as const).flatMap((status) =>
        Object.values(meetingActions({ status, date: '2026-12-01' }, '2026-11-30')),
      ),
      ...(['draft', 'submitted', 'approved', 'vetoed', 'withdrawn', 'deferred'] as const).flatMap((status) =>
        Object.values(proposalActions({ status })),
      ),
      ...Object.values(
        placementActions({
          status: 'ended',
          employmentForm: 'subsidised_employment',
          remainingMonths: 3,
          maxMonths: 24,
        }),
      ),
      ...Object.values(
        placementActions({ status: 'active', employmentForm: 'summer_job', remainingMonths: null, maxMonths: null }),
      ),
      ...Object.values(
        placementActions({
          status: 'active',
          employmentForm: 'subsidised_employment',
          remainingMonths: 0,
          maxMonths: 24,
        }),
      ),
      ...(['generated', 'sent', 'signed', 'registered', 'superseded'] as const).flatMap((status) =>
        Object.values(contractActions({ status })),
      ),
    ];
    const refused = states.filter((s) => !s.allowed);
    expect(new Set(refused.map((s) => s.reasonRef?.key)).size).toBe(15);
    for (const s of refused) {
      const key = `msg.${s.reasonRef!.key}`;
      expect(i18n.exists(key, { lng: 'en' }), key).toBe(true);
      expect(i18n.t(key, { lng: 'sv', ...s.reasonRef!.params })).toBe(s.reason);
      expect(i18n.t(key, { lng: 'en', ...s.reasonRef!.params })).not.toBe(s.reason);
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryAudit } from '../../src/main/store/audit';
import {
  completeMapping,
  createParticipant,
  createWorld,
  freshPnr,
  referral,
  testNumbers,
  attend,
  type World,
} from './participants-helpers';
import { skatteverketTestNumbers } from '../../src/main/demo/context';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(() => w.t.close());

const tenDigits = (canonical: string, sep = '-') => `${canonical.slice(2, 8)}${sep}${canonical.slice(8)}`;

describe('registering a participant', () => {
  it('accepts a personnummer in every usual form and stores the canonical 12 digits', async () => {
    const forms = [
      (n: string) => n, // 12 digits
      (n: string) => `${n.slice(0, 8)}-${n.slice(8)}`, // 12 with dash
      (n: string) => tenDigits(n), // 10 with dash
      (n: string) => n.slice(2), // 10 digits
      (n: string) => `  ${tenDigits(n)} `, // surrounding spaces
    ];
    for (const form of forms) {
      const pnr = freshPnr();
      const p = await w.t.call('participants.create', referral({ personnummer: form(pnr) }), w.coord);
      expect(p.personnummer).toBe(pnr);
      expect(p.personnummerFormatted).toBe(`${pnr.slice(0, 8)}-${pnr.slice(8)}`);
      expect(p.identityKind).toBe('personnummer');
    }
  });

  it('reads "+" as 100 years or older and accepts a samordningsnummer', async () => {
    const old = skatteverketTestNumbers().find((n) => n.startsWith('1920'))!;
    const p = await w.t.call('participants.create', referral({ personnummer: tenDigits(old, '+') }), w.coord);
    expect(p.personnummer).toBe(old);
    expect(p.age).toBeGreaterThanOrEqual(100);
    // Test vector of the open-source personnummer project (day of birth + 60).
    const s = await w.t.call('participants.create', referral({ personnummer: '570574-9959' }), w.coord);
    expect(s).toMatchObject({
      personnummer: '195705749959',
      identityKind: 'samordningsnummer',
      birthDate: '1957-05-14',
    });
  });

  it('refuses a wrong check digit or date with a Swedish reason naming the field', async () => {
    const pnr = freshPnr();
    const wrong = pnr.slice(0, 11) + String((Number(pnr[11]) + 1) % 10);
    const r = await w.t.callRaw('participants.create', referral({ personnummer: wrong }), w.coord);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'personnummer' } });
    expect(!r.ok && r.error.message).toMatch(/^Personnummer: Kontrollsiffran stämmer inte/);
    const badDate = await w.t.callRaw('participants.create', referral({ personnummer: '19850230-1234' }), w.coord);
    expect(!badDate.ok && badDate.error.message).toMatch(/^Personnummer: Ogiltigt datum/);
  });

  it('refuses a second person with the same number, naming the existing record', async () => {
    const pnr = freshPnr();
    const first = await w.t.call(
      'participants.create',
      referral({ personnummer: pnr, firstName: 'Leyla', lastName: 'Ahmadi' }),
      w.coord,
    );
    const again = await w.t.callRaw(
      'participants.create',
      referral({ personnummer: tenDigits(pnr), firstName: 'Annan' }),
      w.coord,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'personnummer' } });
    expect(!again.ok && again.error.message).toContain(`Leyla Ahmadi (${first.ref})`);
    const check = await w.t.call('participants.checkPersonnummer', { personnummer: tenDigits(pnr) }, w.coord);
    expect(check).toMatchObject({ ok: true, canonical: pnr, existing: { id: first.id, name: 'Leyla Ahmadi' } });
    const own = await w.t.call('participants.checkPersonnummer', { personnummer: pnr, excludeId: first.id }, w.coord);
    expect(own).toMatchObject({ ok: true, existing: null });
  });

  it('validates every field with a Swedish message naming it, and saves nothing', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ firstName: '  ' }, 'firstName', /^Förnamn: /],
      [{ email: 'inte-en-adress' }, 'email', /^E-post: /],
      [{ phone: 'ring mig' }, 'phone', /^Telefon: /],
      [{ postalCode: '1234' }, 'postalCode', /^Postnummer: /],
      [{ referralDate: '2026-02-30' }, 'referralDate', /^Remissdatum: Datumet finns inte/],
      [{ referralDate: '2026-12-01' }, 'referralDate', /^Remissdatum: Datumet kan inte ligga i framtiden/],
      [{ monthlyAssistance: -5 }, 'monthlyAssistance', /^Försörjningsstöd per månad: /],
      [{ availablePercent: 150 }, 'availablePercent', /^Tillgänglig tid/],
      [{ ssykCode: '12' }, 'ssykCode', /^Yrkeskod \(SSYK 2012\): /],
      [{ swedishLevel: 'flytande' }, 'swedishLevel', /^Svenskanivå: /],
    ];
    for (const [patch, field, message] of cases) {
      const r = await w.t.callRaw('participants.create', { ...referral(), ...patch }, w.coord);
      expect(r, field).toMatchObject({ ok: false, error: { field } });
      expect(!r.ok && r.error.message, field).toMatch(message);
    }
    expect((await w.t.call('participants.list', {}, w.coord)).total).toBe(0);
  });

  it('normalises contact fields and defaults the coordinator to the creator', async () => {
    const p = await w.t.call(
      'participants.create',
      referral({ postalCode: '50332', languages: ['Arabiska', 'arabiska', 'Svenska'] }),
      w.coord,
    );
    expect(p.postalCode).toBe('503 32');
    expect(p.mapping.languages).toEqual(['Arabiska', 'Svenska']);
    expect(p.coordinator?.name).toBe('kim');
    expect(p.ref).toMatch(/^2026-0001$/);
    const second = await w.t.call('participants.create', referral(), w.admin);
    expect(second.ref).toBe('2026-0002');
    expect(second.coordinator).toBeNull(); // the admin is no coordinator
    const me = await w.t.call('auth.me', {}, w.hr);
    const wrong = await w.t.callRaw('participants.create', referral({ coordinatorId: me.id }), w.coord);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'coordinatorId' } });
  });
});

describe('viewing and editing', () => {
  it('shows every field, the timeline and the next steps, and audits the read', async () => {
    const id = await createParticipant(w, { note: 'Remiss via telefon.' });
    const p = await w.t.call('participants.get', { id }, w.coord);
    expect(p).toMatchObject({
      firstName: 'Amina',
      lastName: 'Yusuf',
      phone: '033-35 70 00',
      district: 'Norrby',
      caseworker: { name: 'Eva Ek', unit: 'Försörjningsstöd Norr', email: 'eva.ek@example.se' },
      childrenInHousehold: 2,
      longTermRecipient: true,
      monthlyAssistance: 1_234_500,
      caseNotes: 'Behöver stöd med barnomsorg.',
      stage: 'referred',
      stageLabel: 'Remitterad',
      stageSince: '2026-11-02',
      daysInStage: 21,
    });
    expect(p.timeline).toHaveLength(1);
    expect(p.timeline[0]).toMatchObject({
      kind: 'created',
      toStage: 'referred',
      note: 'Remiss via telefon.',
      summary: 'Registrerad som remitterad',
    });
    const steps = Object.fromEntries(p.nextSteps.map((s) => [s.command, s]));
    expect(steps.book_meeting).toMatchObject({
      to: 'meeting_booked',
      via: 'meetings.book',
      manual: true,
      enabled: true,
    });
    expect(steps.pause?.enabled).toBe(true);
    expect(steps.close?.enabled).toBe(true);
    expect(Object.keys(steps)).not.toContain('exit');
    expect(p.mappingStatus.complete).toBe(false);

    const reads = await queryAudit(w.t.app.database, {
      entity: 'participant',
      entityId: String(id),
      action: 'read',
      offset: 0,
      limit: 10,
    });
    expect(reads.total).toBe(1);
    expect(reads.rows[0]!.username).toBe('kim');
  });

  it('updates only the fields given, keeps search in step, and refuses a stale form', async () => {
    const id = await createParticipant(w);
    const loaded = await w.t.call('participants.get', { id }, w.coord);
    w.t.clock.advance(1000);
    const updated = await w.t.call(
      'participants.update',
      { id, lastName: 'Öberg', email: null, expectedUpdatedAt: loaded.updatedAt },
      w.coord,
    );
    expect(updated).toMatchObject({
      lastName: 'Öberg',
      email: null,
      phone: '033-35 70 00',
      monthlyAssistance: 1_234_500,
    });
    expect((await w.t.call('participants.list', { search: 'öberg' }, w.coord)).total).toBe(1);
    expect((await w.t.call('participants.list', { search: 'yusuf' }, w.coord)).total).toBe(0);
    w.t.clock.advance(1000);
    const stale = await w.t.callRaw(
      'participants.update',
      { id, firstName: 'X', expectedUpdatedAt: loaded.updatedAt },
      w.coord,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const other = await createParticipant(w, { firstName: 'Omar', lastName: 'Haddad' });
    const otherPnr = (await w.t.call('participants.get', { id: other }, w.coord)).personnummer;
    const taken = await w.t.callRaw('participants.update', { id, personnummer: otherPnr }, w.coord);
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'personnummer' } });
    expect(!taken.ok && taken.error.message).toContain('Omar Haddad');

    const changes = await queryAudit(w.t.app.database, {
      entity: 'participant',
      entityId: String(id),
      action: 'change',
      offset: 0,
      limit: 10,
    });
    expect(changes.rows.some((r) => r.changes?.lastName?.after === 'Öberg')).toBe(true);
  });

  it('does not re-validate the stored number when a form sends it back unchanged', async () => {
    const id = await createParticipant(w);
    const p = await w.t.call('participants.get', { id }, w.coord);
    // a benchmark record whose number has a deliberately wrong check digit
    const impossible = p.personnummer.slice(0, 11) + String((Number(p.personnummer[11]) + 1) % 10);
    await w.t.app.database.exec(`UPDATE participants SET personnummer = '${impossible}' WHERE id = ${id}`);
    const same = await w.t.call(
      'participants.update',
      { id, personnummer: `${impossible.slice(0, 8)}-${impossible.slice(8)}`, phone: '0701740650' },
      w.coord,
    );
    expect(same).toMatchObject({ personnummer: impossible, phone: '0701740650' });
    const changed = await w.t.callRaw('participants.update', { id, personnummer: impossible.slice(2) }, w.coord);
    expect(changed).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'personnummer' } });
  });

  it('marks a person mapped only when the fields matching needs are filled', async () => {
    const id = await createParticipant(w);
    const early = await w.t.callRaw(
      'participants.updateMapping',
      { id, ...completeMapping, markMapped: true },
      w.coord,
    );
    expect(early).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(!early.ok && early.error.message).toMatch(/informationsmöte/);
    // nothing of the refused save was kept
    expect((await w.t.call('participants.get', { id }, w.coord)).mapping.languages).toEqual([]);

    await attend(w, id);
    const partial = await w.t.callRaw(
      'participants.updateMapping',
      { id, languages: ['persiska'], swedishLevel: 'sfi_b', markMapped: true },
      w.coord,
    );
    expect(partial).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(!partial.ok && partial.error.message).toMatch(
      /Fyll i: utbildningsnivå, arbetslivserfarenhet, kompetenser eller intressen, önskade placeringar, tillgänglig tid, tidigaste start/,
    );

    const saved = await w.t.call(
      'participants.updateMapping',
      { id, languages: ['persiska'], swedishLevel: 'sfi_b' },
      w.coord,
    );
    expect(saved.stage).toBe('attended');
    expect(saved.mappingStatus.missing.map((m) => m.field)).toEqual([
      'educationLevel',
      'experienceText',
      'skillsOrInterests',
      'wishedKinds',
      'availablePercent',
      'earliestStart',
    ]);
    const mapped = await w.t.call('participants.updateMapping', { id, ...completeMapping, markMapped: true }, w.coord);
    expect(mapped).toMatchObject({ stage: 'mapped', mappingStatus: { complete: true, missing: [] } });
    expect(mapped.mapping).toMatchObject({
      swedishLevel: 'sfi_c',
      ssykCode: '9111',
      wishedKinds: ['cleaning', 'bicycle_workshop'],
    });

    const emptied = await w.t.callRaw('participants.updateMapping', { id, wishedKinds: [] }, w.coord);
    expect(emptied).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(!emptied.ok && emptied.error.message).toMatch(/måste vara komplett .* Fyll i: önskade placeringar/);
  });

  it('gives HR contact and skills but nothing of the social case', async () => {
    const id = await createParticipant(w, { restrictions: 'Får inte lyfta tungt' });
    const p = (await w.t.call('participants.get', { id }, w.hr)) as Record<string, unknown>;
    expect(p).toMatchObject({ firstName: 'Amina', phone: '033-35 70 00', stage: 'referred' });
    for (const key of [
      'restrictions',
      'childrenInHousehold',
      'longTermRecipient',
      'monthlyAssistance',
      'caseNotes',
      'caseworker',
      'nextSteps',
      'deviations',
      'followUps',
      'pause',
    ]) {
      expect(p, key).not.toHaveProperty(key);
    }
    expect(JSON.stringify(p)).not.toContain('Remiss');
    const write = await w.t.callRaw('participants.update', { id, firstName: 'X' }, w.hr);
    expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.t.callRaw('participants.get', { id }, w.union)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('the list', () => {
  async function seedList(): Promise<Record<string, number>> {
    const ids: Record<string, number> = {};
    const me = await w.t.call('auth.me', {}, w.coord);
    const people: Array<[string, string, Record<string, unknown>]> = [
      [
        'Zara',
        'Zetterberg',
        { district: 'Hässleholmen', caseworkerName: 'Per Persson', childrenInHousehold: 0, longTermRecipient: false },
      ],
      ['Åsa', 'Åberg', { district: 'Norrby', childrenInHousehold: 1, longTermRecipient: true }],
      [
        'Jörgen',
        'Ärlig',
        { district: 'Sjöbo', childrenInHousehold: 0, longTermRecipient: true, wishedKinds: ['carpentry'] },
      ],
      ['Olle', 'Öhman', { district: 'Norrby', childrenInHousehold: 3, longTermRecipient: false, coordinatorId: null }],
      [
        'José',
        'Andersson',
        {
          district: 'Centrum',
          childrenInHousehold: 0,
          longTermRecipient: false,
          wishedKinds: ['cleaning', 'carpentry'],
          coordinatorId: me.id,
        },
      ],
    ];
    for (const [firstName, lastName, extra] of people)
      ids[lastName] = await createParticipant(w, { firstName, lastName, ...extra });
    return ids;
  }

  it('searches name, number, reference and caseworker', async () => {
    const ids = await seedList();
    const andersson = await w.t.call('participants.get', { id: ids.Andersson! }, w.coord);
    const names = async (search: string) =>
      (await w.t.call('participants.list', { search }, w.coord)).rows.map((r) => r.lastName);
    expect(await names('åberg')).toEqual(['Åberg']);
    expect(await names('ÅSA')).toEqual(['Åberg']);
    expect(await names('jose')).toEqual(['Andersson']); // diacritics folded
    expect(await names('andersson josé')).toEqual(['Andersson']); // words in any order
    expect(await names(tenDigits(andersson.personnummer))).toEqual(['Andersson']);
    expect(await names(andersson.personnummerFormatted)).toEqual(['Andersson']);
    expect(await names(andersson.personnummer)).toEqual(['Andersson']);
    expect(await names(andersson.ref)).toEqual(['Andersson']);
    expect(await names('per persson')).toEqual(['Zetterberg']);
    expect(await names('%')).toEqual([]); // wildcards are literal
    expect(await names('nobody')).toEqual([]);
  });

  it('filters, sorts in Swedish order, pages and counts per stage', async () => {
    const ids = await seedList();
    await attend(w, ids.Åberg!);
    const list = (input: Parameters<typeof w.t.call<'participants.list'>>[1]) =>
      w.t.call('participants.list', input, w.coord);

    const all = await list({});
    expect(all.rows.map((r) => r.lastName)).toEqual(['Andersson', 'Zetterberg', 'Åberg', 'Ärlig', 'Öhman']);
    expect(all.total).toBe(5);
    expect(all.stageCounts).toMatchObject({ referred: 4, attended: 1, mapped: 0 });

    const desc = await list({ sort: 'name', direction: 'desc' });
    expect(desc.rows.map((r) => r.lastName)).toEqual(['Öhman', 'Ärlig', 'Åberg', 'Zetterberg', 'Andersson']);

    const page = await list({ offset: 2, limit: 2 });
    expect(page.rows.map((r) => r.lastName)).toEqual(['Åberg', 'Ärlig']);
    expect(page.total).toBe(5);

    const attended = await list({ stages: ['attended'] });
    expect(attended.rows.map((r) => r.lastName)).toEqual(['Åberg']);
    expect(attended.total).toBe(1);
    expect(attended.stageCounts.referred).toBe(4); // counts ignore the stage filter

    expect((await list({ district: 'Norrby' })).rows.map((r) => r.lastName)).toEqual(['Åberg', 'Öhman']);
    expect((await list({ longTermRecipient: true })).rows.map((r) => r.lastName)).toEqual(['Åberg', 'Ärlig']);
    expect((await list({ hasChildren: true })).rows.map((r) => r.lastName)).toEqual(['Åberg', 'Öhman']);
    expect((await list({ hasChildren: false, district: 'Norrby' })).total).toBe(0);
    expect((await list({ coordinatorId: null })).rows.map((r) => r.lastName)).toEqual(['Öhman']);
    expect((await list({ wishedKind: 'carpentry' })).rows.map((r) => r.lastName)).toEqual(['Andersson', 'Ärlig']);
    const districtCounts = await list({ district: 'Norrby' });
    expect(districtCounts.stageCounts).toMatchObject({ referred: 1, attended: 1 });

    const byDistrict = await list({ sort: 'district' });
    expect(byDistrict.rows.map((r) => r.district)).toEqual(['Centrum', 'Hässleholmen', 'Norrby', 'Norrby', 'Sjöbo']);
    const byStage = await list({ sort: 'stage', direction: 'desc' });
    expect(byStage.rows[0]!.lastName).toBe('Åberg');
  });

  it('gives HR the list without household or assistance, and refuses those filters', async () => {
    await seedList();
    const r = await w.t.call('participants.list', {}, w.hr);
    expect(r.total).toBe(5);
    for (const row of r.rows) {
      expect(row).not.toHaveProperty('longTermRecipient');
      expect(row).not.toHaveProperty('childrenInHousehold');
      expect(row).not.toHaveProperty('caseworkerName');
    }
    expect(await w.t.callRaw('participants.list', { hasChildren: true }, w.hr)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await w.t.callRaw('participants.list', { longTermRecipient: false }, w.hr)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('offers the districts, coordinators and units for the filters', async () => {
    await seedList();
    await createParticipant(w, { district: 'Borgstena', caseworkerUnit: 'Vuxenenheten' });
    const o = await w.t.call('participants.filterOptions', {}, w.coord);
    expect(o.districts).toContain('Borgstena');
    expect(o.districts).toContain('Hässleholmen');
    expect(o.districts.indexOf('Östermalm')).toBe(o.districts.length - 1);
    expect(o.coordinators.map((c) => c.name)).toEqual(['kim']);
    expect(o.caseworkerUnits).toEqual(['Försörjningsstöd Norr', 'Vuxenenheten']);
  });
});

describe('test data', () => {
  it('has enough adult test numbers for the tests', () => {
    expect(testNumbers.length).toBeGreaterThan(1000);
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildSearchText,
  foldDiacritics,
  participantCreateInput,
  participantUpdateInput,
  searchTerms,
  sortNameOf,
  swedishLevelRank,
  swedishSortKey,
  STAGES,
  STAGE_LABELS,
  EXIT_OUTCOME_LABELS,
  CLOSE_REASON_LABELS,
  PAUSE_REASON_LABELS,
} from '../../../src/shared/domain/participant';

const base = { personnummer: '19850101-1234', firstName: 'Amina', lastName: 'Yusuf', referralDate: '2026-11-02' };

describe('Swedish sorting', () => {
  it('orders names as a Swedish dictionary does', () => {
    const names = [
      'Öhman',
      'Zetterberg',
      'Ärlig',
      'Åberg',
      'andersson',
      'Élise',
      'Ekström',
      'Mylläri',
      'Müller',
      'Ødegaard',
      'Æbelø',
    ];
    const sorted = [...names].sort((a, b) => (swedishSortKey(a) < swedishSortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'andersson',
      'Ekström',
      'Élise',
      'Müller',
      'Mylläri',
      'Zetterberg',
      'Åberg',
      'Æbelø',
      'Ärlig',
      'Ødegaard',
      'Öhman',
    ]);
  });

  it('sorts by last name, then first name', () => {
    const people = [
      ['Sara', 'Öberg'],
      ['Adam', 'Öberg'],
      ['Zoe', 'Berg'],
    ].map(([f, l]) => ({ f, l, key: sortNameOf(f!, l!) }));
    people.sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(people.map((p) => `${p.f} ${p.l}`)).toEqual(['Zoe Berg', 'Adam Öberg', 'Sara Öberg']);
  });
});

describe('search text', () => {
  const p = {
    firstName: 'José',
    lastName: 'Åkesson',
    personnummer: '198501011234',
    ref: '2026-0147',
    caseworkerName: 'Eva Ek',
  };

  it('holds name, number, reference, caseworker, and a folded copy', () => {
    const text = buildSearchText(p);
    expect(text).toBe('josé åkesson|198501011234|2026-0147|eva ek|jose åkesson|198501011234|2026-0147|eva ek');
    expect(buildSearchText({ ...p, firstName: 'Jonas' })).toBe('jonas åkesson|198501011234|2026-0147|eva ek'); // nothing to fold
  });

  it('turns a query into words the stored text contains', () => {
    expect(searchTerms('  José   ÅKESSON ')).toEqual(['jose', 'åkesson']);
    expect(searchTerms('850101-1234')).toEqual(['8501011234']);
    expect(searchTerms('19850101+1234')).toEqual(['198501011234']);
    expect(searchTerms('2026-0147')).toEqual(['2026-0147']);
    const text = buildSearchText(p);
    for (const q of [
      'jose',
      'JOSÉ åkesson',
      'åkesson josé',
      '850101-1234',
      '19850101-1234',
      '8501011234',
      '2026-0147',
      'ek',
    ]) {
      for (const term of searchTerms(q)) expect(text, q).toContain(term);
    }
    expect(searchTerms('')).toEqual([]);
  });

  it('folds diacritics other than å, ä and ö', () => {
    expect(foldDiacritics('åäö éüñç')).toBe('åäö eunc');
  });
});

describe('participant input', () => {
  it('normalises phone, postcode, e-mail and tags, and turns empty text into null', () => {
    const r = participantCreateInput.parse({
      ...base,
      phone: ' 033-35 70 00 ',
      postalCode: '50332',
      email: 'amina@example.se',
      address: '',
      languages: ['Arabiska', ' arabiska ', 'Somaliska'],
      licenceClasses: ['B', 'B', 'C'],
    });
    expect(r).toMatchObject({
      phone: '033-35 70 00',
      postalCode: '503 32',
      email: 'amina@example.se',
      address: null,
      languages: ['Arabiska', 'Somaliska'],
      licenceClasses: ['B', 'C'],
    });
  });

  it('refuses bad values, naming the field in Swedish', () => {
    const bad = (patch: Record<string, unknown>) => {
      const r = participantCreateInput.safeParse({ ...base, ...patch });
      return r.success ? null : { path: r.error.issues[0]!.path.join('.'), message: r.error.issues[0]!.message };
    };
    expect(bad({ email: 'x@' })).toMatchObject({ path: 'email', message: expect.stringMatching(/e-postadress/) });
    expect(bad({ phone: '12' })).toMatchObject({ path: 'phone' });
    expect(bad({ availablePercent: 5 })).toMatchObject({ path: 'availablePercent', message: 'Minst 10 procent' });
    expect(bad({ ssykCode: 'abcd' })).toMatchObject({ path: 'ssykCode' });
    expect(bad({ languages: [''] })).toMatchObject({ path: 'languages.0' });
    expect(bad({ wishedKinds: ['office'] })).toMatchObject({ path: 'wishedKinds.0' });
    expect(bad({ firstName: '' })).toMatchObject({ path: 'firstName', message: 'Förnamn måste anges' });
    expect(bad({})).toBeNull();
  });

  it('an update is a patch: only the id is required', () => {
    expect(participantUpdateInput.parse({ id: 3 })).toEqual({ id: 3 });
    expect(participantUpdateInput.parse({ id: 3, email: '' })).toEqual({ id: 3, email: null });
    expect(participantUpdateInput.safeParse({ firstName: 'A' }).success).toBe(false);
  });
});

describe('labels', () => {
  it('every stage and reason has a Swedish label', () => {
    for (const s of STAGES) expect(STAGE_LABELS[s]).toMatch(/^[A-ZÅÄÖ]/);
    for (const l of [
      ...Object.values(EXIT_OUTCOME_LABELS),
      ...Object.values(CLOSE_REASON_LABELS),
      ...Object.values(PAUSE_REASON_LABELS),
    ]) {
      expect(l).toMatch(/^[A-ZÅÄÖ]/);
    }
    expect(swedishLevelRank('sfi_a')).toBeLessThan(swedishLevelRank('sas'));
  });
});

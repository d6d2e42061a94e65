import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import iconv from 'iconv-lite';
import { AuditRecorder } from '../../src/main/services/audit/recorder';
import { createParticipant, createWorld, freshPnr, type World } from './participants-helpers';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(() => {
  vi.restoreAllMocks();
  w.t.close();
});

const b64 = (text: string, encoding: 'utf8' | 'win1252' = 'utf8') =>
  (encoding === 'utf8' ? Buffer.from(`\uFEFF${text}`, 'utf8') : iconv.encode(text, 'win1252')).toString('base64');

const dashed = (n: string) => `${n.slice(2, 8)}-${n.slice(8)}`;

async function count(): Promise<number> {
  return (await w.t.call('participants.list', { limit: 1 }, w.coord)).total;
}

describe('referral import', () => {
  it('previews every row, flags bad rows with row number and reason, and duplicates of existing people', async () => {
    const existing = freshPnr();
    const existingId = await createParticipant(w, {
      personnummer: existing,
      firstName: 'Redan',
      lastName: 'Registrerad',
    });
    const [a, b] = [freshPnr(), freshPnr()];
    const csv = [
      'Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare;Stadsdel;Försörjningsstöd per månad;Barn i hushållet;Långvarigt bistånd;Anteckning',
      `${dashed(a)};Åsa;Öhman;2026-11-02;Eva Ek;Sjöbo;7 250 kr;2;Ja;Söker arbete – gärna café`,
      `${a.slice(0, 11)}0;Fel;Siffra;2026-11-02;Eva Ek;;;;;`,
      `${existing};Redan;Registrerad;2026-11-03;Eva Ek;;;;;`,
      `${b};Jörgen;Ärlig;2026-13-01;;;;;;`,
      `${a};Dubblett;IFilen;2026-11-02;Eva Ek;;;;;`,
    ].join('\r\n');
    const preview = await w.t.call(
      'participants.importPreview',
      { fileName: 'remisser.csv', contentBase64: b64(csv) },
      w.coord,
    );
    if (!preview.ok) throw new Error(preview.error);
    expect(preview).toMatchObject({
      totalRows: 5,
      newCount: 1,
      duplicateCount: 1,
      invalidCount: 3,
      encoding: 'utf-8-bom',
      delimiter: ';',
    });
    expect(preview.rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [2, 'new'],
      [3, 'invalid'],
      [4, 'duplicate'],
      [5, 'invalid'],
      [6, 'invalid'],
    ]);
    const [ok, badCheck, dup, badDate, sameInFile] = preview.rows;
    expect(ok).toMatchObject({ name: 'Åsa Öhman', personnummer: `${a.slice(0, 8)}-${a.slice(8)}`, district: 'Sjöbo' });
    expect(badCheck!.errors).toEqual([
      { field: 'personnummer', message: 'Personnummer: Kontrollsiffran stämmer inte.' },
    ]);
    expect(dup!.duplicateOf).toMatchObject({ id: existingId, name: 'Redan Registrerad' });
    expect(badDate!.errors.map((e) => e.field)).toEqual(['referralDate', 'caseworkerName']);
    expect(sameInFile!.errors[0]!.message).toBe('Personnummer: Samma personnummer som rad 2.');
    expect(await count()).toBe(1); // a preview changes nothing

    const result = await w.t.call(
      'participants.importCommit',
      { fileName: 'remisser.csv', contentBase64: b64(csv), expectedNewCount: 1 },
      w.coord,
    );
    expect(result).toMatchObject({ created: 1, skippedDuplicates: 1, skippedInvalid: 3 });
    const p = await w.t.call('participants.get', { id: result.participantIds[0]! }, w.coord);
    expect(p).toMatchObject({
      personnummer: a,
      firstName: 'Åsa',
      lastName: 'Öhman',
      stage: 'referred',
      stageSince: '2026-11-02',
      district: 'Sjöbo',
      monthlyAssistance: 725_000,
      childrenInHousehold: 2,
      longTermRecipient: true,
      caseNotes: 'Söker arbete – gärna café',
      coordinator: { name: 'kim' },
    });
    expect(p.timeline[0]).toMatchObject({
      kind: 'created',
      summary: 'Registrerad från remissfilen remisser.csv (rad 2)',
    });
    const again = await w.t.call(
      'participants.importPreview',
      { fileName: 'remisser.csv', contentBase64: b64(csv) },
      w.coord,
    );
    expect(again.ok && again.newCount).toBe(0); // importing the same file twice creates no one twice
    const twice = await w.t.call(
      'participants.importCommit',
      { fileName: 'remisser.csv', contentBase64: b64(csv) },
      w.coord,
    );
    expect(twice).toMatchObject({ created: 0, skippedDuplicates: 2 });
    expect(await count()).toBe(2);
  });

  it('imports a multi-line quoted address (c/o on its own line, ; inside the quotes), shown joined in the preview', async () => {
    const [a, b] = [freshPnr(), freshPnr()];
    // As social services' export writes it: the c/o line and the street inside one quoted field.
    const csv = [
      'Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare;Adress;Postnummer;Ort',
      `${a};Åsa;Öhman;2026-11-02;Eva Ek;"c/o Andersson\r\nStorgatan 1; lgh 1102";503 32;Borås`,
      `${b};Bo;Ek;2026-11-02;Eva Ek;Allégatan 2;503 30;Borås`,
    ].join('\r\n');
    const preview = await w.t.call(
      'participants.importPreview',
      { fileName: 'remisser.csv', contentBase64: b64(csv) },
      w.coord,
    );
    if (!preview.ok) throw new Error(preview.error);
    expect(preview).toMatchObject({ totalRows: 2, newCount: 2, invalidCount: 0 });
    expect(preview.rows.map((r) => [r.rowNumber, r.status, r.address])).toEqual([
      [2, 'new', 'c/o Andersson, Storgatan 1; lgh 1102'],
      [3, 'new', 'Allégatan 2'],
    ]);
    const result = await w.t.call(
      'participants.importCommit',
      { fileName: 'remisser.csv', contentBase64: b64(csv), expectedNewCount: 2 },
      w.coord,
    );
    expect(result).toMatchObject({ created: 2, skippedInvalid: 0 });
    const p = await w.t.call('participants.get', { id: result.participantIds[0]! }, w.coord);
    expect(p).toMatchObject({
      firstName: 'Åsa',
      address: 'c/o Andersson, Storgatan 1; lgh 1102',
      postalCode: '503 32',
      city: 'Borås',
    });
  });

  it('reads a Windows-1252 file as Swedish offices save it', async () => {
    const a = freshPnr();
    const csv = `Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare;Barn i hushållet\r\n${a};Örjan;Åkerström;3/11/2026;Märta Lind;Ja\r\n`;
    const result = await w.t.call(
      'participants.importCommit',
      { fileName: 'export.csv', contentBase64: b64(csv, 'win1252') },
      w.coord,
    );
    expect(result.created).toBe(1);
    const p = await w.t.call('participants.get', { id: result.participantIds[0]! }, w.coord);
    expect(p).toMatchObject({
      firstName: 'Örjan',
      lastName: 'Åkerström',
      referralDate: '2026-11-03',
      caseworker: { name: 'Märta Lind' },
      childrenInHousehold: 1,
    });
    expect(p.timeline[0]!.note).toMatch(/barn i hushållet utan antal/);
  });

  it('changes nothing for a broken file', async () => {
    await createParticipant(w);
    const broken = [
      b64('Namn;Telefon\r\nAnna;033-1234567\r\n'), // required columns missing
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]).toString('base64'), // a JPEG
      b64(''),
    ];
    for (const contentBase64 of broken) {
      const preview = await w.t.call('participants.importPreview', { fileName: 'fel.csv', contentBase64 }, w.coord);
      expect(preview.ok).toBe(false);
      const commit = await w.t.callRaw('participants.importCommit', { fileName: 'fel.csv', contentBase64 }, w.coord);
      expect(commit).toMatchObject({ ok: false, error: { code: 'RULE' } });
      expect(!commit.ok && commit.error.message).toMatch(/^Filen kunde inte importeras: .* Ingenting har sparats\.$/);
    }
    expect(await count()).toBe(1);
  });

  it('imports all good rows or nothing', async () => {
    const rows = [freshPnr(), freshPnr(), freshPnr()].map((n, i) => `${n};Person${i};Testsson;2026-11-01;Eva Ek`);
    const csv = ['Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare', ...rows].join('\n');

    // the preview showed 2 new people but the file now has 3: refused, nothing saved
    const stale = await w.t.callRaw(
      'participants.importCommit',
      { fileName: 'r.csv', contentBase64: b64(csv), expectedNewCount: 2 },
      w.coord,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(await count()).toBe(0);

    // a failure while writing the third row rolls back the first two
    const original = AuditRecorder.prototype.change;
    let calls = 0;
    vi.spyOn(AuditRecorder.prototype, 'change').mockImplementation(function (this: AuditRecorder, ...args) {
      if (++calls === 3) throw new Error('disk full');
      return original.apply(this, args);
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failed = await w.t.callRaw(
      'participants.importCommit',
      { fileName: 'r.csv', contentBase64: b64(csv) },
      w.coord,
    );
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    vi.restoreAllMocks();
    expect(await count()).toBe(0);

    const done = await w.t.call(
      'participants.importCommit',
      { fileName: 'r.csv', contentBase64: b64(csv), expectedNewCount: 3 },
      w.coord,
    );
    expect(done.created).toBe(3);
    const refs = (await w.t.call('participants.list', { sort: 'ref' }, w.coord)).rows.map((r) => r.ref);
    expect(refs).toEqual(['2026-0001', '2026-0002', '2026-0003']);
  });

  it('is for coordinators and admins only', async () => {
    const input = { fileName: 'r.csv', contentBase64: b64('Personnummer\r\n') };
    expect(await w.t.callRaw('participants.importPreview', input, w.hr)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await w.t.callRaw('participants.importCommit', input, w.union)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await w.t.callRaw('participants.importPreview', { fileName: 'r.csv', contentBase64: 'inte base64!' }, w.coord),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'contentBase64' },
    });
  });
});

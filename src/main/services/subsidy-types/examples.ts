import { count } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { subsidyTypes } from '../../db/schema';

/**
 * Example subsidy types a new installation starts with. They are ordinary rows the admin edits, deactivates or
 * replaces under Administration → Stödformer; nothing in the program reads these figures from here. The figures
 * are examples from public descriptions and must be checked against Arbetsförmedlingen's rules in force.
 */
export const SUBSIDY_TYPE_EXAMPLES: ReadonlyArray<{
  name: string;
  maxMonths: number;
  defaultPercent: number;
  monthlyCeilingOre: number;
  notes: string;
}> = [
  {
    name: 'Kommunal anställning med lönestöd',
    maxMonths: 24,
    defaultPercent: 80,
    monthlyCeilingOre: 20_000_00,
    notes:
      'Boråsmodellens visstidsanställning hos kommunen, 12 månader med möjlighet till förlängning. Exempel: kontrollera stödprocent, takbelopp och längsta tid mot Arbetsförmedlingens beslut.',
  },
  {
    name: 'Introduktionsjobb',
    maxMonths: 24,
    defaultPercent: 80,
    monthlyCeilingOre: 20_000_00,
    notes:
      'Exempel: normalt högst 12 månader, för vissa grupper upp till 24. Kontrollera mot Arbetsförmedlingens aktuella regler.',
  },
  {
    name: 'Nystartsjobb',
    maxMonths: 12,
    defaultPercent: 80,
    monthlyCeilingOre: 25_000_00,
    notes:
      'Exempel: längden beror på hur länge personen varit utan arbete. Kontrollera mot Arbetsförmedlingens aktuella regler.',
  },
  {
    name: 'Lönebidrag för utveckling i anställning',
    maxMonths: 12,
    defaultPercent: 80,
    monthlyCeilingOre: 20_000_00,
    notes:
      'Exempel: för personer med funktionsnedsättning som medför nedsatt arbetsförmåga. Kontrollera mot Arbetsförmedlingens aktuella regler.',
  },
];

/**
 * Inserts the example subsidy types when the table is empty (first run, demo). Returns how many were inserted.
 * Safe to call any number of times: an installation that has types of its own is left alone.
 */
export function ensureSubsidyTypeExamples(db: Db, nowIso: string): number {
  const existing = db.select({ n: count() }).from(subsidyTypes).get()?.n ?? 0;
  if (existing > 0) return 0;
  db.insert(subsidyTypes)
    .values(
      SUBSIDY_TYPE_EXAMPLES.map((t) => ({
        name: t.name,
        maxMonths: t.maxMonths,
        defaultPercent: t.defaultPercent,
        monthlyCeiling: t.monthlyCeilingOre,
        notes: t.notes,
        active: true,
        createdAt: nowIso,
        updatedAt: nowIso,
      })),
    )
    .run();
  return SUBSIDY_TYPE_EXAMPLES.length;
}

import type { Tx } from '../../store';
import { countSubsidyTypes, insertSubsidyTypes } from '../../store/subsidy-types';

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
export async function ensureSubsidyTypeExamples(t: Tx, nowIso: string): Promise<number> {
  if ((await countSubsidyTypes(t)) > 0) return 0;
  await insertSubsidyTypes(
    t,
    SUBSIDY_TYPE_EXAMPLES.map((e) => ({
      name: e.name,
      maxMonths: e.maxMonths,
      defaultPercent: e.defaultPercent,
      monthlyCeiling: e.monthlyCeilingOre,
      notes: e.notes,
      active: true,
      createdAt: nowIso,
      updatedAt: nowIso,
    })),
  );
  return SUBSIDY_TYPE_EXAMPLES.length;
}

/**
 * The Swedish text of an allocation explanation ("varför fick mitt barn den här platsen / ingen plats"), for the
 * applicant's page and the printable letter (docs/summer-jobs.md, "Explanation"). The data comes from allocate.ts;
 * names of periods, positions and areas come from the caller (the engine only knows ids).
 */
import type { AllocationStep, ApplicantExplanation, WishReason } from './allocate';
import type { EntityId } from './model';

export type ExplanationLabels = {
  /** e.g. 'period 1 (v. 25–27)'; default 'period <id>'. */
  period?: (id: EntityId) => string;
  /** e.g. 'Stadsparken, parkarbetare'; default 'plats <id>'. */
  position?: (id: EntityId) => string;
  /** e.g. 'Park och natur'; default the area as given. */
  area?: (area: string) => string;
};

/** "a", "a och b", "a, b och c". */
export function swedishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

function hoursText(n: number): string {
  return `${String(n).replace('.', ',')} timmar`;
}

/** One reason as a Swedish clause (lower case, no full stop). */
export function reasonText(reason: WishReason, labels: ExplanationLabels = {}): string {
  const period = labels.period ?? ((id: EntityId) => `period ${String(id)}`);
  const periods = (ids: EntityId[]) => swedishList(ids.map(period));
  switch (reason.code) {
    case 'no_places':
      return 'det finns inga platser i området';
    case 'not_available':
      return `områdets platser finns bara under ${periods(reason.periods)}, som inte angavs som möjliga`;
    case 'too_young':
      return `för ung: platserna kräver minst ${reason.minAge} år vid periodens start (var ${reason.age} år)`;
    case 'hours': {
      const week =
        reason.maxPerWeek !== null && reason.hoursPerWeek > reason.maxPerWeek
          ? `${hoursText(reason.hoursPerWeek)} i veckan, högst ${hoursText(reason.maxPerWeek)} tillåts`
          : `${hoursText(reason.hoursPerDay)} om dagen, högst ${hoursText(reason.maxPerDay)} tillåts`;
      return `arbetstiden är för lång för en ${reason.age}-åring: ${week}`;
    }
    case 'record_extract':
      return 'arbetet är med barn och utdrag ur belastningsregistret har inte visats';
    case 'full':
      return `alla lämpliga platser var redan tilldelade under ${periods(reason.periods)}`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);
}

function stepText(step: AllocationStep, labels: ExplanationLabels): string {
  const area = labels.area ?? ((a: string) => a);
  const head = step.kind === 'wish' ? `Önskemål ${step.rank}, ${area(step.area)}` : 'Annat område (valfritt område)';
  if (step.given) return `${head}: tilldelat.`;
  return `${head}: inte tilldelat – ${step.reasons.map((r) => reasonText(r, labels)).join('; ')}.`;
}

/**
 * The explanation as Swedish lines: tier and lottery number, each wish tried in order with why it was not given,
 * and the result.
 */
export function renderExplanation(explanation: ApplicantExplanation, labels: ExplanationLabels = {}): string[] {
  const period = labels.period ?? ((id: EntityId) => `period ${String(id)}`);
  const position = labels.position ?? ((id: EntityId) => `plats ${String(id)}`);
  const area = labels.area ?? ((a: string) => a);
  const lines: string[] = [
    `Turordningsgrupp: ${explanation.tier} (grupp 0 fördelas först, därefter grupp 1 och så vidare).`,
    `Lottnummer: ${explanation.lotteryNumber} (lägre nummer går före inom gruppen); plats ${explanation.orderPosition} i turordningen.`,
  ];
  if (explanation.round > 0) lines.push(`Beslutat i reservomgång ${explanation.round}.`);
  for (const step of explanation.steps) lines.push(stepText(step, labels));
  if (!explanation.anyArea && explanation.placement === null) {
    lines.push('Andra områden prövades inte eftersom ”vilket område som helst” inte valdes.');
  }
  const p = explanation.placement;
  if (p) {
    const how = p.wishRank === null ? 'genom valfritt område' : `enligt önskemål ${p.wishRank}`;
    lines.push(capitalise(`resultat: ${position(p.position)} (${area(p.area)}), ${period(p.period)}, ${how}.`));
  } else {
    lines.push('Resultat: ingen plats i denna omgång. Den sökande står på reservlistan i turordning.');
  }
  return lines;
}

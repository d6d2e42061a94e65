/**
 * Demo catalogue: workplaces and positions of Jobb Borås. Fictitious but plausible — the workshops, the cleaning
 * organisation and the municipal departments the Borås model describes, and summer jobs with three 3-week periods.
 * Every position's tasks say what makes it an extra task rather than an ordinary job, so the union's review has
 * something to judge. Contact details use numbers and addresses reserved for fiction (070-174 06 xx, *.example).
 *
 * Also inserts example subsidy types when there are none (the subsidy-type area's examples, to be checked against
 * Arbetsförmedlingen's current rules).
 */
import { anyWorkplace, insertWorkplace } from '../store/positions';
import { findSubsidyTypeByName, listSubsidyTypes } from '../store/subsidy-types';
import { positionInput, type EmploymentForm, type PositionKind } from '../../shared/domain/position';
import { addDays, addMonthsClamped, dateOfIsoWeek } from '../../shared/rules/dates';
import { insertPosition } from '../services/positions';
import { ensureSubsidyTypeExamples } from '../services/subsidy-types/examples';
import type { DemoContext } from './context';

interface DemoPosition {
  kind: PositionKind;
  title: string;
  tasks: string;
  supervisor: [name: string, phoneSuffix: string];
  minSwedishLevel?: 'sfi_a' | 'sfi_b' | 'sfi_c' | 'sfi_d' | 'sas';
  requiredLicence?: 'B';
  physicalDemands: 'low' | 'medium' | 'high';
  languages?: string[];
  skills: string[];
  hoursPercent: number;
  employmentForm: EmploymentForm;
  /** Positions without periods. */
  slots?: number;
  /** Summer jobs: slots in each of the three periods. */
  periodSlots?: [number, number, number];
  /** Months the position has been running (start = first of that month), and its length in months (null = open-ended). */
  runningMonths?: number;
  lengthMonths?: number | null;
}

interface DemoWorkplace {
  name: string;
  organisation: string;
  address: string;
  district: string;
  notes?: string;
  positions: DemoPosition[];
}

const NOT_ORDINARY = 'Uppgifterna är ett komplement till ordinarie personal och ersätter ingen befintlig tjänst.';

export const DEMO_WORKPLACES: readonly DemoWorkplace[] = [
  {
    name: 'Återbruket Norrby',
    organisation: 'Borås Stad, Arbetslivsförvaltningen – Jobb Borås',
    address: 'Norrby Långgata 40, 504 35 Borås',
    district: 'Norrby',
    notes: 'Second hand-butik med skänkta kläder, möbler och husgeråd. Överskottet går till verksamheten.',
    positions: [
      {
        kind: 'second_hand',
        title: 'Butiksmedarbetare i second hand',
        tasks:
          'Sortera och prismärka skänkta kläder och husgeråd, ställa i ordning butiken och hjälpa kunder i kassan tillsammans med handledaren. ' +
          'Butiken drivs av Jobb Borås som arbetsträningsmiljö; försäljningen finansierar verksamheten och konkurrerar inte med ordinarie handel. ' +
          NOT_ORDINARY,
        supervisor: ['Leila Haddad', '01'],
        minSwedishLevel: 'sfi_b',
        physicalDemands: 'medium',
        languages: ['arabiska', 'somaliska'],
        skills: ['sortering', 'prismärkning', 'kundservice', 'kassa', 'försäljning'],
        hoursPercent: 75,
        employmentForm: 'subsidised_employment',
        slots: 4,
        runningMonths: 18,
        lengthMonths: null,
      },
      {
        kind: 'second_hand',
        title: 'Insamling och sortering av skänkta möbler',
        tasks:
          'Ta emot och sortera skänkta möbler, hämta gåvor hos privatpersoner med verksamhetens skåpbil tillsammans med handledare och hålla ordning på lagret. ' +
          'Hämtningarna är en service för boråsare som vill skänka och görs inte av någon ordinarie anställd. ' +
          NOT_ORDINARY,
        supervisor: ['Johan Lindqvist', '02'],
        requiredLicence: 'B',
        physicalDemands: 'high',
        skills: ['sortering', 'lagerarbete', 'flyttarbete'],
        hoursPercent: 100,
        employmentForm: 'work_training',
        slots: 2,
        runningMonths: 12,
        lengthMonths: null,
      },
    ],
  },
  {
    name: 'Återbruket Fristad',
    organisation: 'Borås Stad, Arbetslivsförvaltningen – Jobb Borås',
    address: 'Stationsgatan 9, 513 33 Fristad',
    district: 'Fristad',
    positions: [
      {
        kind: 'second_hand',
        title: 'Butiks- och caféhjälp på Återbruket',
        tasks:
          'Hjälpa till i den lilla second hand-butiken och i fikahörnan: duka, diska, ta betalt och prata med besökarna. ' +
          'Caféet är en mötesplats som drivs inom arbetsträningen. ' +
          NOT_ORDINARY,
        supervisor: ['Karin Sjöberg', '03'],
        minSwedishLevel: 'sfi_c',
        physicalDemands: 'low',
        skills: ['kassa', 'servering', 'kundservice', 'disk'],
        hoursPercent: 50,
        employmentForm: 'work_training',
        slots: 2,
        runningMonths: 6,
        lengthMonths: null,
      },
    ],
  },
  {
    name: 'Cykelverkstaden Hulta',
    organisation: 'Borås Stad, Arbetslivsförvaltningen – Jobb Borås',
    address: 'Hultagatan 15, 507 45 Borås',
    district: 'Hulta',
    notes: 'Reparerar skänkta och övergivna cyklar som säljs vidare eller lånas ut till kommunens verksamheter.',
    positions: [
      {
        kind: 'bicycle_workshop',
        title: 'Cykelreparatör under upplärning',
        tasks:
          'Reparera skänkta och omhändertagna cyklar: laga punkteringar, byta kedjor, justera bromsar och växlar, under handledning. ' +
          'Cyklarna säljs billigt i Återbruket eller lånas ut till förskolor och fritidsgårdar; verkstaden tar inte uppdrag från allmänheten. ' +
          NOT_ORDINARY,
        supervisor: ['Mikael Svensson', '04'],
        minSwedishLevel: 'sfi_a',
        physicalDemands: 'medium',
        skills: ['cykelreparation', 'verktygshantering'],
        hoursPercent: 100,
        employmentForm: 'subsidised_employment',
        slots: 3,
        runningMonths: 24,
        lengthMonths: null,
      },
      {
        kind: 'bicycle_workshop',
        title: 'Arbetsträning i cykelverkstaden',
        tasks:
          'Tvätta och plocka isär cyklar, sortera reservdelar och hålla ordning i verkstaden. Ett första steg för den som vill prova på verkstadsarbete i egen takt. ' +
          NOT_ORDINARY,
        supervisor: ['Mikael Svensson', '04'],
        physicalDemands: 'medium',
        skills: ['cykelreparation', 'sortering'],
        hoursPercent: 50,
        employmentForm: 'work_training',
        slots: 3,
        runningMonths: 24,
        lengthMonths: null,
      },
    ],
  },
  {
    name: 'Snickeriet Sjöbo',
    organisation: 'Borås Stad, Arbetslivsförvaltningen – Jobb Borås',
    address: 'Sjöbo Torg 3, 506 40 Borås',
    district: 'Sjöbo',
    positions: [
      {
        kind: 'carpentry',
        title: 'Snickare – möbelrenovering och utemöbler',
        tasks:
          'Renovera skänkta möbler till Återbruket och bygga planteringslådor, bänkar och fågelholkar till kommunens parker och förskolor. ' +
          'Snickeriet tar inga beställningar som kommunen annars köper av företag. ' +
          NOT_ORDINARY,
        supervisor: ['Anders Karlsson', '05'],
        minSwedishLevel: 'sfi_b',
        physicalDemands: 'medium',
        skills: ['snickeri', 'träbearbetning', 'möbelrenovering', 'målning'],
        hoursPercent: 100,
        employmentForm: 'subsidised_employment',
        slots: 4,
        runningMonths: 30,
        lengthMonths: null,
      },
      {
        kind: 'carpentry',
        title: 'Arbetsträning i snickeriet',
        tasks:
          'Slipa, måla och sätta ihop enklare trädetaljer under handledning, och hålla ordning på virke och verktyg. ' +
          NOT_ORDINARY,
        supervisor: ['Anders Karlsson', '05'],
        physicalDemands: 'medium',
        skills: ['målning', 'träbearbetning'],
        hoursPercent: 50,
        employmentForm: 'work_training',
        slots: 2,
        runningMonths: 30,
        lengthMonths: null,
      },
    ],
  },
  {
    name: 'Fixartjänsten',
    organisation: 'Borås Stad, Arbetslivsförvaltningen – Jobb Borås',
    address: 'Allégatan 22, 503 32 Borås',
    district: 'Centrum',
    notes: 'Gratis hjälp med småsysslor i hemmet för boråsare över 67 år, för att förebygga fallolyckor.',
    positions: [
      {
        kind: 'handyman',
        title: 'Fixare för äldre',
        tasks:
          'Åka hem till äldre och byta glödlampor, sätta upp gardinstänger, byta batterier i brandvarnare och fästa lösa mattor, två och två med bil. ' +
          'Tjänsten är avgiftsfri, gäller bara enklare sysslor som hantverkare inte tar och finns för att förebygga fallolyckor. ' +
          NOT_ORDINARY,
        supervisor: ['Per Ahlgren', '06'],
        minSwedishLevel: 'sfi_c',
        requiredLicence: 'B',
        physicalDemands: 'medium',
        languages: ['arabiska', 'bosniska', 'finska'],
        skills: ['enklare reparationer', 'montering', 'kundservice', 'verktygshantering'],
        hoursPercent: 100,
        employmentForm: 'subsidised_employment',
        slots: 3,
        runningMonths: 20,
        lengthMonths: null,
      },
    ],
  },
  {
    name: 'Städorganisationen Jobb Borås',
    organisation: 'Borås Stad, Arbetslivsförvaltningen – Jobb Borås',
    address: 'Hässleholmsvägen 8, 506 42 Borås',
    district: 'Hässleholmen',
    notes: 'Städlag som gör extra insatser i tre förvaltningars lokaler. Arbetet kan kombineras med SFI.',
    positions: [
      {
        kind: 'cleaning',
        title: 'Lokalvårdare i städlag',
        tasks:
          'Extra städning av kontaktytor, toaletter och personalrum i skolor och förvaltningslokaler, i lag med en arbetsledare. ' +
          'Insatserna görs utöver den ordinarie lokalvårdens avtal och schema. ' +
          NOT_ORDINARY,
        supervisor: ['Fadumo Ali', '07'],
        minSwedishLevel: 'sfi_a',
        physicalDemands: 'high',
        languages: ['somaliska'],
        skills: ['städning', 'lokalvård'],
        hoursPercent: 75,
        employmentForm: 'subsidised_employment',
        slots: 6,
        runningMonths: 36,
        lengthMonths: null,
      },
      {
        kind: 'cleaning',
        title: 'Lokalvård på halvtid kombinerat med SFI',
        tasks:
          'Samma extra insatser som städlaget, förlagda till förmiddagar så att eftermiddagarna kan ägnas åt SFI. ' +
          NOT_ORDINARY,
        supervisor: ['Fadumo Ali', '07'],
        physicalDemands: 'high',
        skills: ['städning'],
        hoursPercent: 50,
        employmentForm: 'subsidised_employment',
        slots: 4,
        runningMonths: 36,
        lengthMonths: null,
      },
    ],
  },
  {
    name: 'Förskolan Solrosen',
    organisation: 'Borås Stad, Förskoleförvaltningen',
    address: 'Solrosvägen 5, 507 32 Brämhult',
    district: 'Brämhult',
    positions: [
      {
        kind: 'municipal_department',
        title: 'Kökshjälp i förskolekök',
        tasks:
          'Diska, duka fram och av, skära frukt till mellanmålen och hålla ordning i förrådet. Ansvaret för matlagning och specialkost ligger kvar hos kokerskan. ' +
          NOT_ORDINARY,
        supervisor: ['Eva Bengtsson', '08'],
        minSwedishLevel: 'sfi_c',
        physicalDemands: 'medium',
        skills: ['disk', 'kök', 'matlagning', 'livsmedelshantering'],
        hoursPercent: 75,
        employmentForm: 'subsidised_employment',
        slots: 2,
        runningMonths: 4,
        lengthMonths: 12,
      },
      {
        kind: 'municipal_department',
        title: 'Utemiljövärd på förskola',
        tasks:
          'Hålla gården fin: kratta, rensa sandlådor, laga enklare leksaker och cyklar och sköta odlingslådorna tillsammans med barnen och pedagogerna. ' +
          NOT_ORDINARY,
        supervisor: ['Eva Bengtsson', '08'],
        minSwedishLevel: 'sfi_b',
        physicalDemands: 'medium',
        skills: ['trädgård', 'skötsel av utemiljö', 'enklare reparationer'],
        hoursPercent: 75,
        employmentForm: 'subsidised_employment',
        slots: 1,
        runningMonths: 4,
        lengthMonths: 12,
      },
    ],
  },
  {
    name: 'Björkhagens vård- och omsorgsboende',
    organisation: 'Borås Stad, Vård- och äldreförvaltningen',
    address: 'Björkhagsgatan 14, 504 51 Borås',
    district: 'Göta',
    positions: [
      {
        kind: 'municipal_department',
        title: 'Måltidsvärd',
        tasks:
          'Servera måltider och eftermiddagskaffe, duka, diska och sitta ned och prata med de boende. Inga omvårdnadsuppgifter: dem utför undersköterskorna. ' +
          NOT_ORDINARY,
        supervisor: ['Maria Nyström', '09'],
        minSwedishLevel: 'sfi_d',
        physicalDemands: 'medium',
        languages: ['finska', 'bosniska'],
        skills: ['servering', 'disk', 'kundservice'],
        hoursPercent: 75,
        employmentForm: 'subsidised_employment',
        slots: 3,
        runningMonths: 10,
        lengthMonths: 24,
      },
      {
        kind: 'municipal_department',
        title: 'Servicevärd i tvätt och förråd',
        tasks:
          'Sortera och lägga in tvätt som kommer från tvätteriet, fylla på förbrukningsmaterial och hålla ordning i förråden. ' +
          NOT_ORDINARY,
        supervisor: ['Maria Nyström', '09'],
        minSwedishLevel: 'sfi_b',
        physicalDemands: 'medium',
        skills: ['tvätt', 'lagerarbete', 'sortering'],
        hoursPercent: 100,
        employmentForm: 'subsidised_employment',
        slots: 2,
        runningMonths: 10,
        lengthMonths: 24,
      },
    ],
  },
  {
    name: 'Hemtjänstens servicegrupp Sandared',
    organisation: 'Borås Stad, Vård- och äldreförvaltningen',
    address: 'Sandareds stationsväg 2, 518 30 Sandared',
    district: 'Sandared',
    positions: [
      {
        kind: 'municipal_department',
        title: 'Servicevärd – promenader och ärenden',
        tasks:
          'Följa med äldre på promenader, till apoteket och på enklare ärenden, som en social insats utöver de biståndsbedömda hemtjänstinsatserna. ' +
          NOT_ORDINARY,
        supervisor: ['Sofia Petersson', '10'],
        minSwedishLevel: 'sfi_d',
        physicalDemands: 'low',
        languages: ['arabiska', 'persiska', 'bosniska'],
        skills: ['kundservice', 'äldreomsorg'],
        hoursPercent: 75,
        employmentForm: 'subsidised_employment',
        slots: 2,
        runningMonths: 8,
        lengthMonths: 24,
      },
    ],
  },
  {
    name: 'Parkavdelningen, Ramnaparken',
    organisation: 'Borås Stad, Tekniska förvaltningen',
    address: 'Ramnaparken, 503 30 Borås',
    district: 'Centrum',
    positions: [
      {
        kind: 'municipal_department',
        title: 'Parkarbetare – extra skötsel',
        tasks:
          'Plocka skräp, kratta löv, rensa ogräs i rabatter och tvätta parkbänkar i stadens parker, utöver det som ingår i parkskötselns ordinarie uppdrag. ' +
          NOT_ORDINARY,
        supervisor: ['Jonas Ekström', '11'],
        physicalDemands: 'high',
        skills: ['trädgård', 'skötsel av utemiljö'],
        hoursPercent: 100,
        employmentForm: 'subsidised_employment',
        slots: 5,
        runningMonths: 14,
        lengthMonths: 24,
      },
    ],
  },
  {
    name: 'Stadsbiblioteket',
    organisation: 'Borås Stad, Kulturförvaltningen',
    address: 'Sandwalls plats 2, 503 38 Borås',
    district: 'Centrum',
    positions: [
      {
        kind: 'municipal_department',
        title: 'Biblioteksservice',
        tasks:
          'Sortera återlämnade böcker, ställa upp dem på hyllorna, plocka i ordning i läsesalar och barnavdelning och visa besökare till rätt avdelning. ' +
          'Bibliotekarieuppgifter som referensfrågor och katalogisering ingår inte. ' +
          NOT_ORDINARY,
        supervisor: ['Helena Strand', '12'],
        minSwedishLevel: 'sfi_d',
        physicalDemands: 'low',
        languages: ['arabiska', 'tigrinja', 'somaliska'],
        skills: ['sortering', 'kundservice', 'datorvana'],
        hoursPercent: 75,
        employmentForm: 'subsidised_employment',
        slots: 2,
        runningMonths: 6,
        lengthMonths: 12,
      },
    ],
  },
  {
    name: 'Feriearbete – Tekniska förvaltningen',
    organisation: 'Borås Stad, Tekniska förvaltningen',
    address: 'Ramnaparken, 503 30 Borås',
    district: 'Centrum',
    notes: 'Feriearbeten för ungdomar under sommaren, tre perioder om tre veckor.',
    positions: [
      {
        kind: 'summer_job',
        title: 'Feriearbete park och natur',
        tasks:
          'Plocka skräp, rensa ogräs och måla parkbänkar i ett ungdomslag med handledare. Feriearbetet är en introduktion till arbetslivet och ersätter inte parkavdelningens säsongsanställda. ',
        supervisor: ['Jonas Ekström', '11'],
        physicalDemands: 'medium',
        skills: ['trädgård', 'skötsel av utemiljö'],
        hoursPercent: 75,
        employmentForm: 'summer_job',
        periodSlots: [8, 8, 6],
      },
    ],
  },
  {
    name: 'Feriearbete – Förskoleförvaltningen',
    organisation: 'Borås Stad, Förskoleförvaltningen',
    address: 'Sjöbo Torg 7, 506 40 Borås',
    district: 'Sjöbo',
    positions: [
      {
        kind: 'summer_job',
        title: 'Feriearbete på sommaröppen förskola',
        tasks:
          'Vara med barnen i utelek, plocka i ordning leksaker och hjälpa till vid måltider, alltid tillsammans med förskolans personal. Ingen ensam tillsyn av barn. ',
        supervisor: ['Eva Bengtsson', '08'],
        minSwedishLevel: 'sfi_c',
        physicalDemands: 'low',
        skills: ['barnomsorg'],
        hoursPercent: 75,
        employmentForm: 'summer_job',
        periodSlots: [4, 4, 3],
      },
    ],
  },
  {
    name: 'Feriearbete – Föreningslivet i Borås',
    organisation: 'Borås Stad, Fritids- och folkhälsoförvaltningen',
    address: 'Ryavallen, 504 35 Borås',
    district: 'Norrby',
    positions: [
      {
        kind: 'summer_job',
        title: 'Feriearbete i idrottsförening',
        tasks:
          'Hjälpa till vid föreningarnas sommarläger och dagaktiviteter: ställa i ordning material, leda enkla lekar och servera mellanmål, med föreningens ledare. ',
        supervisor: ['Ali Hassan', '13'],
        physicalDemands: 'medium',
        skills: ['idrott', 'servering'],
        hoursPercent: 75,
        employmentForm: 'summer_job',
        periodSlots: [6, 6, 6],
      },
    ],
  },
];

/** The summer with periods ahead of `today`: this year's if before June, otherwise next year's. */
export function demoSummerPeriods(today: string): Array<{ name: string; startDate: string; endDate: string }> {
  const year = Number(today.slice(0, 4)) + (today.slice(5) >= '06-01' ? 1 : 0);
  // Three 3-week periods, Monday of ISO weeks 25, 28 and 31 to the Friday two weeks later.
  return [25, 28, 31].map((week, i) => {
    const start = dateOfIsoWeek(year, week, 1);
    return { name: `Period ${i + 1}`, startDate: start, endDate: addDays(start, 18) };
  });
}

const firstOfMonth = (d: string) => `${d.slice(0, 7)}-01`;

/** Seeds the demo catalogue. Does nothing if workplaces already exist. */
export async function seedCatalogue(d: DemoContext): Promise<void> {
  const nowIso = d.clock.now().toISOString();
  await d.database.tx(async (t) => {
    await ensureSubsidyTypeExamples(t, nowIso);
    if (await anyWorkplace(t)) return;

    const lonestod =
      (await findSubsidyTypeByName(t, 'Kommunal anställning med lönestöd'))?.id ??
      (await listSubsidyTypes(t)).sort((a, b) => a.id - b.id)[0]?.id ??
      null;
    const summer = demoSummerPeriods(d.today);

    for (const w of DEMO_WORKPLACES) {
      const wp = await insertWorkplace(t, {
        name: w.name,
        organisation: w.organisation,
        address: w.address,
        district: w.district,
        notes: w.notes ?? null,
        active: true,
        createdAt: nowIso,
        updatedAt: nowIso,
      });
      for (const p of w.positions) {
        const [supName, phone] = p.supervisor;
        const start = firstOfMonth(addMonthsClamped(d.today, -(p.runningMonths ?? 0)));
        const input = positionInput.parse({
          workplaceId: wp.id,
          kind: p.kind,
          title: p.title,
          tasks: p.tasks.trim(),
          supervisorName: supName,
          supervisorPhone: `070-174 06 ${phone}`,
          supervisorEmail: `${emailName(supName)}@boras.example`,
          minSwedishLevel: p.minSwedishLevel ?? null,
          requiredLicence: p.requiredLicence ?? null,
          physicalDemands: p.physicalDemands,
          languages: p.languages ?? [],
          skills: p.skills,
          hoursPercent: p.hoursPercent,
          ...(p.periodSlots
            ? { periods: summer.map((per, i) => ({ ...per, slots: p.periodSlots![i]! })) }
            : {
                slots: p.slots,
                periodStart: start,
                periodEnd: p.lengthMonths ? addDays(addMonthsClamped(start, p.lengthMonths), -1) : null,
              }),
          employmentForm: p.employmentForm,
          subsidyTypeId: p.employmentForm === 'subsidised_employment' ? lonestod : null,
        });
        await insertPosition(t, input, nowIso);
      }
    }
  });
}

function emailName(name: string): string {
  return name
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '.');
}

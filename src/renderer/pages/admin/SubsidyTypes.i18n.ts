import { registerTranslations } from '../../app/i18n';

/** Texts of the admin page for subsidy types (Stödformer). */
registerTranslations('subsidyTypes', {
  sv: {
    title: 'Stödformer',
    lead: 'Lönestöd och andra stödformer med längsta tid, stödprocent och takbelopp. Reglerna för placeringar läser sina gränser härifrån; inga belopp eller tider finns inbyggda i programmet.',
    info: 'En ändring gäller nya placeringar och förlängningar. Fattade beslut och genererade avtal ändras inte. En stödform som används kan inaktiveras men inte tas bort.',
    new: 'Ny stödform',
    showInactive: 'Visa inaktiva stödformer',
    gridLabel: 'Stödformer',
    empty: 'Inga stödformer ännu. Lägg till den första med knappen Ny stödform.',
    col: {
      name: 'Namn',
      maxMonths: 'Längsta tid',
      percent: 'Stöd',
      ceiling: 'Takbelopp/mån',
      used: 'Används av',
      status: 'Status',
      actions: 'Åtgärder',
    },
    monthsValue_one: '{{count}} månad',
    monthsValue_other: '{{count}} månader',
    usedValue: '{{placements}} placeringar, {{positions}} platser',
    active: 'Aktiv',
    inactive: 'Inaktiv',
    edit: 'Ändra',
    activate: 'Aktivera',
    deactivate: 'Inaktivera',
    confirmDeactivate: 'Inaktivera {{name}}?',
    confirmDeactivateText:
      'En inaktiv stödform kan inte väljas för nya placeringar. Pågående placeringar och deras förlängningar påverkas inte.',
    dialogNew: 'Ny stödform',
    dialogEdit: 'Ändra {{name}}',
    editNote:
      'Stödformen används av placeringar. Ändringen gäller nya placeringar och förlängningar; fattade beslut ändras inte.',
    create: 'Skapa stödform',
  },
  en: {
    title: 'Subsidy types',
    lead: 'Wage subsidies and other subsidy types with maximum length, subsidy percent and wage ceiling. The placement rules read their limits from here; no amounts or lengths are built into the program.',
    info: 'A change applies to new placements and extensions. Decisions made and contracts generated do not change. A type in use can be deactivated but not removed.',
    new: 'New subsidy type',
    showInactive: 'Show inactive subsidy types',
    gridLabel: 'Subsidy types',
    empty: 'No subsidy types yet. Add the first with the New subsidy type button.',
    col: {
      name: 'Name',
      maxMonths: 'Maximum length',
      percent: 'Subsidy',
      ceiling: 'Ceiling/month',
      used: 'Used by',
      status: 'Status',
      actions: 'Actions',
    },
    monthsValue_one: '{{count}} month',
    monthsValue_other: '{{count}} months',
    usedValue: '{{placements}} placements, {{positions}} positions',
    active: 'Active',
    inactive: 'Inactive',
    edit: 'Edit',
    activate: 'Activate',
    deactivate: 'Deactivate',
    confirmDeactivate: 'Deactivate {{name}}?',
    confirmDeactivateText:
      'An inactive subsidy type cannot be chosen for new placements. Ongoing placements and their extensions are not affected.',
    dialogNew: 'New subsidy type',
    dialogEdit: 'Edit {{name}}',
    editNote:
      'The type is used by placements. The change applies to new placements and extensions; decisions made do not change.',
    create: 'Create subsidy type',
  },
});

registerTranslations('fields', {
  sv: {
    subsidyType: {
      name: 'Namn',
      nameHelp: 'T.ex. Introduktionsjobb eller Nystartsjobb.',
      maxMonths: 'Längsta tid (månader)',
      maxMonthsHelp: 'Inklusive förlängningar.',
      defaultPercent: 'Stöd i procent',
      defaultPercentHelp: 'Förval för nya beslut.',
      monthlyCeilingOre: 'Takbelopp per månad (kr)',
      monthlyCeilingOreHelp: 'Den högsta månadslön som stödet räknas på, i kronor.',
      notes: 'Anteckningar',
    },
  },
  en: {
    subsidyType: {
      name: 'Name',
      nameHelp: 'E.g. Introduktionsjobb or Nystartsjobb.',
      maxMonths: 'Maximum length (months)',
      maxMonthsHelp: 'Including extensions.',
      defaultPercent: 'Subsidy percent',
      defaultPercentHelp: 'Default for new decisions.',
      monthlyCeilingOre: 'Monthly ceiling (SEK)',
      monthlyCeilingOreHelp: 'The highest monthly salary the subsidy is computed on, in kronor.',
      notes: 'Notes',
    },
  },
});

/**
 * Texts of the kit (src/renderer/components) and of the messages the main process sends with a key
 * (src/shared/messages.ts): `kit.*` and `msg.*`. In Swedish a screen shows the main process's own message (it names
 * the field and is the source); in English it shows the translation of the key when there is one.
 */
const svKit = {
  kit: {
    empty: 'Inget att visa.',
    participantRef: 'Deltagare {{ref}}',
    none: 'Inget valt',
    all: 'Alla',
    kronorSuffix: 'kr',
    percentSuffix: '%',
    sensitive: 'Känsligt',
    sensitiveHelp: 'Känsliga uppgifter: visas bara för koordinatorer och enhetschefen.',
    downloading: 'Hämtar fil …',
    dateHelp: 'ÅÅÅÅ-MM-DD',
    amountHelp: 'Till exempel 24 300 eller 24 300,50',
    pickDate: 'Välj datum',
    chip: {
      reviewMeetingStatus: { closed: 'Avslutat' },
      placementPhase: { overdue: 'Slutdatum passerat' },
      meetingOverdue: 'Ej hållet',
      noDecision: 'Ej behandlat',
      free: '{{free}} av {{slots}} lediga',
      daysLeft_one: '{{count}} dag kvar',
      daysLeft_other: '{{count}} dagar kvar',
      lastDay: 'Sista dagen i dag',
      overdue_one: 'Passerat för {{count}} dag sedan',
      overdue_other: 'Passerat för {{count}} dagar sedan',
    },
  },
  msg: {
    validation: {
      required: 'Måste anges',
      tooLong: 'Högst {{max}} tecken',
      tooShort: 'Minst {{min}} tecken',
      tooFew: 'Välj minst {{min}}',
      tooMany: 'Högst {{max}} värden',
      min: 'Minst {{min}}',
      max: 'Högst {{max}}',
      integer: 'Ange ett heltal',
      date: 'Ange datum som ÅÅÅÅ-MM-DD',
      noSuchDate: 'Datumet finns inte',
      dateTime: 'Ange tid som ÅÅÅÅ-MM-DD TT:MM',
      time: 'Ange klockslag som TT:MM',
      email: 'Ange en e-postadress',
      choose: 'Välj ett av alternativen',
      notANumber: 'Ange ett tal, till exempel 24 300 eller 24 300,50',
      tooManyDecimals: 'För många decimaler',
    },
    actions: {
      meeting: {
        closed: 'Mötet är avslutat och protokollet är låst.',
        cancelled: 'Mötet är inställt.',
        alreadyOpen: 'Mötet pågår redan.',
        notYet: 'Mötet kan öppnas på mötesdagen, {{date}}.',
        notOpen: 'Mötet är inte öppnat än.',
        openNoCancel: 'Mötet pågår; avsluta det i stället för att ställa in det.',
      },
      proposal: {
        onlyDrafts: 'Bara utkast kan skickas in; förslaget är ”$t(enum.proposalStatus.{{status}})”.',
        vetoed: 'Ett förslag med veto kan inte återkallas; beslutet står kvar.',
        alreadyWithdrawn: 'Förslaget är redan återkallat.',
        notApproved:
          'Bara ett godkänt förslag kan bli en placering; förslaget är ”$t(enum.proposalStatus.{{status}})”.',
      },
      placement: {
        ended: 'Placeringen är avslutad.',
        summerJob: 'Ett feriearbete kan inte förlängas; det följer sin period.',
        noMonthsLeft: 'Stödet har redan nått sin längsta tid (högst {{max}} månader) och kan inte förlängas.',
      },
      contract: {
        superseded: 'Versionen är ersatt av en nyare version.',
        wrongStatus:
          'Avtalet har status ”$t(enum.contractStatus.{{status}})”; steget kräver ”$t(enum.contractStatus.{{needs}})”.',
      },
    },
    error: {
      notFound: 'Uppgiften finns inte.',
      unreachable: 'Kunde inte nå Växla. Kontrollera att programmet är igång och ladda om sidan.',
    },
  },
};

export type KitTexts = typeof svKit;

const enKit: KitTexts = {
  kit: {
    empty: 'Nothing to show.',
    participantRef: 'Participant {{ref}}',
    none: 'None chosen',
    all: 'All',
    kronorSuffix: 'SEK',
    percentSuffix: '%',
    sensitive: 'Sensitive',
    sensitiveHelp: 'Sensitive information: shown only to coordinators and the unit manager.',
    downloading: 'Downloading …',
    dateHelp: 'YYYY-MM-DD',
    amountHelp: 'For example 24 300 or 24 300,50',
    pickDate: 'Choose date',
    chip: {
      reviewMeetingStatus: { closed: 'Closed' },
      placementPhase: { overdue: 'End date passed' },
      meetingOverdue: 'Not held',
      noDecision: 'Not handled',
      free: '{{free}} of {{slots}} free',
      daysLeft_one: '{{count}} day left',
      daysLeft_other: '{{count}} days left',
      lastDay: 'Last day today',
      overdue_one: 'Passed {{count}} day ago',
      overdue_other: 'Passed {{count}} days ago',
    },
  },
  msg: {
    validation: {
      required: 'Required',
      tooLong: 'At most {{max}} characters',
      tooShort: 'At least {{min}} characters',
      tooFew: 'Choose at least {{min}}',
      tooMany: 'At most {{max}} values',
      min: 'At least {{min}}',
      max: 'At most {{max}}',
      integer: 'Enter a whole number',
      date: 'Enter the date as YYYY-MM-DD',
      noSuchDate: 'That date does not exist',
      dateTime: 'Enter the time as YYYY-MM-DD HH:MM',
      time: 'Enter the time of day as HH:MM',
      email: 'Enter an e-mail address',
      choose: 'Choose one of the options',
      notANumber: 'Enter a number, for example 24 300 or 24 300,50',
      tooManyDecimals: 'Too many decimals',
    },
    actions: {
      meeting: {
        closed: 'The meeting is closed and its protocol is locked.',
        cancelled: 'The meeting is cancelled.',
        alreadyOpen: 'The meeting is already in progress.',
        notYet: 'The meeting can be opened on the day of the meeting, {{date}}.',
        notOpen: 'The meeting has not been opened yet.',
        openNoCancel: 'The meeting is in progress; close it instead of cancelling it.',
      },
      proposal: {
        onlyDrafts: 'Only drafts can be submitted; the proposal is “$t(enum.proposalStatus.{{status}})”.',
        vetoed: 'A vetoed proposal cannot be withdrawn; the decision stands.',
        alreadyWithdrawn: 'The proposal is already withdrawn.',
        notApproved:
          'Only an approved proposal can become a placement; the proposal is “$t(enum.proposalStatus.{{status}})”.',
      },
      placement: {
        ended: 'The placement has ended.',
        summerJob: 'A summer job cannot be extended; it follows its period.',
        noMonthsLeft: 'The subsidy has reached its longest period (at most {{max}} months) and cannot be extended.',
      },
      contract: {
        superseded: 'This version has been replaced by a newer one.',
        wrongStatus:
          'The contract’s status is “$t(enum.contractStatus.{{status}})”; the step requires “$t(enum.contractStatus.{{needs}})”.',
      },
    },
    error: {
      notFound: 'The record does not exist.',
      unreachable: 'Could not reach Växla. Check that the program is running and reload the page.',
    },
  },
};

export const kitTexts = { sv: svKit, en: enKit };

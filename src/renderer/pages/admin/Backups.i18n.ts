import { registerTranslations } from '../../app/i18n';

/** Texts of the admin page for backups (Säkerhetskopior). */
registerTranslations('backups', {
  sv: {
    title: 'Säkerhetskopior',
    lead: 'Växla tar en säkerhetskopia varje dag och före varje uppgradering av databasen. Ta en egen före något stort, till exempel en stor import av remisser.',
    takeNow: 'Ta säkerhetskopia nu',
    taking: 'Tar säkerhetskopia …',
    taken: 'Säkerhetskopian {{name}} är sparad.',
    whereTitle: 'Var de finns och hur man återställer',
    where: 'Säkerhetskopiorna ligger i den här mappen på datorn. Ta med mappen när datorn byts.',
    restore:
      'Återställ genom att stänga Växla och köra kommandot nedan i programmappen (med --data om datamappen är en annan än standard). Den nuvarande databasen sparas först som en egen kopia.',
    retention:
      'Sparas: de {{daily}} senaste dagliga, {{premigration}} senaste före uppgradering och {{manual}} senaste manuella.',
    listTitle_one: '{{count}} säkerhetskopia',
    listTitle_other: '{{count}} säkerhetskopior',
    empty: 'Inga säkerhetskopior ännu.',
    serverTitle: 'Databasservern tar säkerhetskopiorna',
    server:
      'Växla använder en gemensam PostgreSQL-databas. Säkerhetskopior tas av databasservern (till exempel pg_dump och serverns egna rutiner), inte av Växla. Fråga den som sköter databasservern hur länge de sparas och hur en återställs.',
    col: { when: 'Tagen', kind: 'Typ', file: 'Fil', size: 'Storlek' },
    reason: {
      daily: 'Daglig',
      premigration: 'Före uppgradering',
      manual: 'Manuell',
      prerestore: 'Före återställning',
      unknown: 'Okänd',
    },
  },
  en: {
    title: 'Backups',
    lead: 'Växla makes a backup every day and before every database upgrade. Make one yourself before something big, such as an import.',
    takeNow: 'Back up now',
    taking: 'Backing up …',
    taken: 'Backup {{name}} saved.',
    whereTitle: 'Where they are and how to restore',
    where: 'The backups are in this folder on the computer. Take the folder along when the computer is replaced.',
    restore:
      'To restore, close Växla and run the command below in the program folder (with --data if the data folder is not the default). The current database is saved as a copy first.',
    serverTitle: 'The database server makes the backups',
    server:
      'Växla uses a shared PostgreSQL database. Backups are made by the database server (for example pg_dump and the server’s own routines), not by Växla. Ask whoever runs the database server how long they are kept and how one is restored.',
    retention: 'Kept: the latest {{daily}} daily, {{premigration}} pre-upgrade and {{manual}} manual backups.',
    listTitle_one: '{{count}} backup',
    listTitle_other: '{{count}} backups',
    empty: 'No backups yet.',
    col: { when: 'Taken', kind: 'Kind', file: 'File', size: 'Size' },
    reason: {
      daily: 'Daily',
      premigration: 'Before upgrade',
      manual: 'Manual',
      prerestore: 'Before restore',
      unknown: 'Unknown',
    },
  },
});

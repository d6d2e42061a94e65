import { registerTranslations } from '../../app/i18n';

/** Texts of the users page (Administration → Användare). */
registerTranslations('users', {
  sv: {
    title: 'Användare',
    lead: 'Konton och roller. Ett nytt konto får ett tillfälligt lösenord som användaren byter vid första inloggningen. Fem misslyckade inloggningar låser kontot i 15 minuter.',
    new: 'Ny användare',
    gridLabel: 'Användare',
    dialogNew: 'Ny användare',
    dialogEdit: 'Ändra {{name}}',
    create: 'Skapa användare',
    resetTitle: 'Nytt lösenord för {{name}}',
    resetSubmit: 'Sätt lösenord',
    saved: 'Ändringen är sparad.',
    col: {
      displayName: 'Namn',
      username: 'Användarnamn',
      roles: 'Roller',
      status: 'Status',
      lastLoginAt: 'Senaste inloggning',
      actions: 'Åtgärder',
    },
    status: { inactive: 'Inaktiv', locked: 'Låst', mustChange: 'Nytt lösenord', active: 'Aktiv' },
    action: {
      edit: 'Ändra namn och roller',
      reset: 'Sätt nytt lösenord',
      unlock: 'Lås upp',
      deactivate: 'Inaktivera',
      activate: 'Aktivera',
    },
    confirmDeactivate: 'Inaktivera {{name}}?',
    confirmDeactivateText: 'Användaren kan inte logga in förrän kontot aktiveras igen. Inget annat ändras.',
  },
  en: {
    title: 'Users',
    lead: 'Accounts and roles. A new account gets a temporary password that the user changes at the first login. Five failed logins lock the account for 15 minutes.',
    new: 'New user',
    gridLabel: 'Users',
    dialogNew: 'New user',
    dialogEdit: 'Edit {{name}}',
    create: 'Create user',
    resetTitle: 'New password for {{name}}',
    resetSubmit: 'Set password',
    saved: 'The change has been saved.',
    col: {
      displayName: 'Name',
      username: 'Username',
      roles: 'Roles',
      status: 'Status',
      lastLoginAt: 'Last login',
      actions: 'Actions',
    },
    status: { inactive: 'Inactive', locked: 'Locked', mustChange: 'New password', active: 'Active' },
    action: {
      edit: 'Edit name and roles',
      reset: 'Set a new password',
      unlock: 'Unlock',
      deactivate: 'Deactivate',
      activate: 'Activate',
    },
    confirmDeactivate: 'Deactivate {{name}}?',
    confirmDeactivateText: 'The user cannot log in until the account is activated again. Nothing else changes.',
  },
});

registerTranslations('fields', {
  sv: {
    user: {
      displayName: 'Namn',
      username: 'Användarnamn',
      usernameHelp: 'Små bokstäver, siffror, punkt och bindestreck.',
      email: 'E-post',
      roles: 'Roller',
      password: 'Tillfälligt lösenord',
      passwordHelp: 'Minst 12 tecken. Användaren byter det vid första inloggningen.',
    },
    resetPassword: {
      password: 'Tillfälligt lösenord',
      passwordHelp: 'Kontot låses upp och användaren får byta lösenord vid nästa inloggning.',
    },
  },
  en: {
    user: {
      displayName: 'Name',
      username: 'Username',
      usernameHelp: 'Lower-case letters, digits, full stop and hyphen.',
      email: 'E-mail',
      roles: 'Roles',
      password: 'Temporary password',
      passwordHelp: 'At least 12 characters. The user changes it at the first login.',
    },
    resetPassword: {
      password: 'Temporary password',
      passwordHelp: 'The account is unlocked and the user changes the password at the next login.',
    },
  },
});

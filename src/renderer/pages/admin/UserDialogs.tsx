import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { User } from '../../../shared/domain/users';
import { useRpcMutation } from '../../api/hooks';
import { defineForm, FormBody, FormDialog, FormSections, useSchemaForm } from '../../components';
import './Users.i18n';

/** A user account: the fields of `users.create` (the update takes the same without username and password). */
const userForm = defineForm('user', contract['users.create'].input, [
  {
    key: 'main',
    rows: [
      [{ name: 'displayName', autoFocus: true }],
      ['username'],
      [{ name: 'email', type: 'email' }],
      [{ name: 'roles', labels: 'role', initial: ['coordinator'] }],
      [{ name: 'password', type: 'password' }],
    ],
  },
]);

const resetForm = defineForm('resetPassword', contract['users.resetPassword'].input, [
  { key: 'main', rows: [[{ name: 'password', type: 'password', autoFocus: true }]] },
]);

/** Creates a user (with a temporary password) or changes a user's name, e-mail and roles. */
export function UserDialog({ user, onClose }: { user: User | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const isNew = user === 'new';
  const create = useRpcMutation('users.create', { invalidates: ['users.'] });
  const update = useRpcMutation('users.update', { invalidates: ['users.'] });
  const sf = useSchemaForm({
    layout: userForm,
    schema: isNew ? contract['users.create'].input : contract['users.update'].input,
    record: isNew ? null : (user as unknown as Record<string, unknown>),
    hidden: () => (isNew ? [] : ['password']),
    extra: isNew ? {} : { id: user.id },
    send: (input: unknown) =>
      isNew
        ? create.mutateAsync(input as Parameters<typeof create.mutateAsync>[0])
        : update.mutateAsync(input as Parameters<typeof update.mutateAsync>[0]),
    onDone: onClose,
  });
  return (
    <FormDialog
      title={isNew ? t('users.dialogNew') : t('users.dialogEdit', { name: user.displayName })}
      submitLabel={isNew ? t('users.create') : t('common.save')}
      busy={sf.busy}
      error={sf.pageError}
      onSubmit={(e) => sf.submit(e)}
      onClose={onClose}
    >
      <FormBody form={sf} disabled={{ username: !isNew }}>
        <FormSections variant="plain" />
      </FormBody>
    </FormDialog>
  );
}

/** Sets a new temporary password (and unlocks the account). */
export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useRpcMutation('users.resetPassword', { invalidates: ['users.'] });
  const sf = useSchemaForm({
    layout: resetForm,
    extra: { id: user.id },
    send: (input) => reset.mutateAsync(input),
    onDone: onClose,
  });
  return (
    <FormDialog
      title={t('users.resetTitle', { name: user.displayName })}
      submitLabel={t('users.resetSubmit')}
      busy={sf.busy}
      error={sf.pageError}
      onSubmit={(e) => sf.submit(e)}
      onClose={onClose}
      maxWidth="xs"
    >
      <FormBody form={sf}>
        <FormSections variant="plain" />
      </FormBody>
    </FormDialog>
  );
}

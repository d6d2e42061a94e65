import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import {
  participantUpdateInput,
  type ParticipantCreateInput,
  type ParticipantDetail,
  type ParticipantUpdateInput,
} from '../../../shared/domain/participant';
import { rpc, type Out } from '../../api/client';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { todayIso } from '../../api/server-time';
import { useAuth } from '../../app/auth';
import {
  type Choice,
  ErrorAlert,
  type FieldRenderProps,
  FormBody,
  FormSections,
  Loading,
  PageHeader,
  useSchemaForm,
} from '../../components';
import { participantForm } from './forms';
import { paths } from '../../app/paths';
import './i18n';

type PnrCheck = Out<'participants.checkPersonnummer'>;

/** The record as the form's fields name them (the detail nests the caseworker and the coordinator). */
function asFormRecord(p: ParticipantDetail): Record<string, unknown> {
  return {
    ...p,
    personnummer: p.personnummerFormatted,
    caseworkerName: p.caseworker.name,
    caseworkerUnit: p.caseworker.unit,
    caseworkerPhone: p.caseworker.phone,
    caseworkerEmail: p.caseworker.email,
    coordinatorId: p.coordinator?.id ?? null,
  };
}

/** The personnummer with its live check: the number read back in full, or why it is wrong, or who already has it. */
function PersonnummerField({
  props,
  excludeId,
  autoFocus,
}: {
  props: FieldRenderProps;
  excludeId?: number;
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<PnrCheck | null>(null);
  const run = async (value: string) => {
    if (value.trim() === '') return setCheck(null);
    try {
      setCheck(
        await rpc('participants.checkPersonnummer', { personnummer: value, ...(excludeId ? { excludeId } : {}) }),
      );
    } catch {
      setCheck(null);
    }
  };
  const ok = check?.ok ? check : null;
  const problem = props.error ?? (check && !check.ok ? check.reason : null);
  const helper =
    problem ??
    (ok
      ? ok.existing
        ? t('participants.form.pnrExisting', { name: ok.existing.name, ref: ok.existing.ref })
        : t('participants.form.pnrValid', {
            kind: t(`participants.form.pnrKind.${ok.kind}`),
            formatted: ok.formatted,
            birthDate: ok.birthDate,
          })
      : props.helperText);
  return (
    <>
      <TextField
        label={props.label}
        required
        autoFocus={autoFocus}
        autoComplete="off"
        value={String(props.value ?? '')}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={(e) => {
          props.onBlur();
          void run(e.target.value);
        }}
        inputRef={props.inputRef}
        error={Boolean(problem) || Boolean(ok?.existing)}
        helperText={helper}
      />
      {ok?.existing && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          <Link component={RouterLink} to={paths.participant(ok.existing.id)}>
            {t('participants.form.openExisting', { name: ok.existing.name })}
          </Link>
        </Alert>
      )}
    </>
  );
}

function ParticipantForm({ participant }: { participant: ParticipantDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useAuth();
  const options = useRpcQuery('participants.filterOptions', {});
  const create = useRpcMutation('participants.create', { invalidates: ['participants.'] });
  const update = useRpcMutation('participants.update', { invalidates: ['participants.'] });
  const isNew = participant === null;
  const myId = user && user.roles.includes('coordinator') ? user.id : null;

  const sf = useSchemaForm({
    layout: participantForm,
    ...(isNew
      ? {
          defaults: { referralDate: todayIso(), city: 'Borås', coordinatorId: myId, childrenInHousehold: 0 },
          send: (input: unknown) => create.mutateAsync(input as ParticipantCreateInput),
        }
      : {
          schema: participantUpdateInput,
          record: asFormRecord(participant),
          extra: { id: participant.id, expectedUpdatedAt: participant.updatedAt },
          send: (input: unknown) => update.mutateAsync(input as ParticipantUpdateInput),
        }),
    onDone: (saved: { id: number }) => void navigate(paths.participant(saved.id)),
  });

  const coordinatorId = sf.watch('coordinatorId') as string;
  const coordinators = useMemo<Choice[]>(() => {
    const list = (options.data?.coordinators ?? []).map((c) => ({ value: String(c.id), label: c.name }));
    // the current choice stays selectable while the list loads, or when that user is no longer a coordinator
    if (coordinatorId && !list.some((c) => c.value === coordinatorId)) {
      list.unshift({ value: coordinatorId, label: participant?.coordinator?.name ?? user?.displayName ?? '…' });
    }
    return list;
  }, [options.data, coordinatorId, participant, user]);
  const districts = useMemo<Choice[]>(
    () =>
      [...new Set([...(participantForm.fields['district']?.suggestions ?? []), ...(options.data?.districts ?? [])])]
        .sort((a, b) => a.localeCompare(b, 'sv'))
        .map((d) => ({ value: d, label: d })),
    [options.data],
  );
  const units = useMemo<Choice[]>(
    () => (options.data?.caseworkerUnits ?? []).map((u) => ({ value: u, label: u })),
    [options.data],
  );

  const title = isNew ? t('participants.form.newTitle') : t('participants.form.editTitle', { name: participant.name });
  return (
    <>
      <PageHeader title={title} lead={isNew ? t('participants.form.newLead') : t('participants.form.editLead')} />
      <form onSubmit={(e) => void sf.submit(e)} noValidate aria-label={title}>
        <ErrorAlert error={sf.pageError} />
        <FormBody
          form={sf}
          choices={{ coordinatorId: coordinators, district: districts, caseworkerUnit: units }}
          render={{
            personnummer: (props) => (
              <PersonnummerField
                props={props}
                autoFocus={isNew}
                {...(participant ? { excludeId: participant.id } : {})}
              />
            ),
          }}
        >
          <FormSections only={isNew ? undefined : ['person', 'contact', 'referral', 'social']} />
        </FormBody>
        <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
          <Button component={RouterLink} to={isNew ? paths.participants : paths.participant(participant.id)}>
            {t('participants.form.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={sf.busy}>
            {isNew ? t('participants.form.create') : t('participants.form.save')}
          </Button>
        </Box>
      </form>
    </>
  );
}

export function NewParticipantPage() {
  return <ParticipantForm participant={null} />;
}

export function EditParticipantPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const participant = useRpcQuery('participants.get', { id: Number(id) }, { enabled: Number(id) > 0 });
  if (participant.isLoading) return <Loading />;
  if (participant.error || !participant.data) {
    return <ErrorAlert error={participant.error ?? t('participants.detail.notFound')} />;
  }
  return <ParticipantForm key={participant.data.updatedAt} participant={participant.data} />;
}

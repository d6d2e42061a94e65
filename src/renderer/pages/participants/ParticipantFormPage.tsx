import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { BORAS_DISTRICTS, type ParticipantDetail } from '../../../shared/domain/participant';
import { RpcClientError, rpc, type Out } from '../../api/client';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { applyServerError } from '../../components/form';
import { Section, SensitiveLabel, kronorToOre, orNull, oreToKronorText } from './components';
import './i18n';
import { todayIso } from '../../api/server-time';

interface Values {
  personnummer: string;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  address: string;
  postalCode: string;
  city: string;
  district: string;
  referralDate: string;
  caseworkerName: string;
  caseworkerUnit: string;
  caseworkerPhone: string;
  caseworkerEmail: string;
  coordinator: string;
  childrenInHousehold: string;
  longTermRecipient: boolean;
  monthlyAssistance: string;
  caseNotes: string;
  note: string;
}

const FIELDS = [
  'personnummer',
  'firstName',
  'lastName',
  'phone',
  'email',
  'address',
  'postalCode',
  'city',
  'district',
  'referralDate',
  'caseworkerName',
  'caseworkerUnit',
  'caseworkerPhone',
  'caseworkerEmail',
  'coordinatorId',
  'childrenInHousehold',
  'longTermRecipient',
  'monthlyAssistance',
  'caseNotes',
  'note',
] as const;

type PnrCheck = Out<'participants.checkPersonnummer'>;


function valuesOf(p: ParticipantDetail | null, defaultCoordinator: string): Values {
  return {
    personnummer: p?.personnummerFormatted ?? '',
    firstName: p?.firstName ?? '',
    lastName: p?.lastName ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    address: p?.address ?? '',
    postalCode: p?.postalCode ?? '',
    city: p?.city ?? (p ? '' : 'Borås'),
    district: p?.district ?? '',
    referralDate: p?.referralDate ?? todayIso(),
    caseworkerName: p?.caseworker.name ?? '',
    caseworkerUnit: p?.caseworker.unit ?? '',
    caseworkerPhone: p?.caseworker.phone ?? '',
    caseworkerEmail: p?.caseworker.email ?? '',
    coordinator: p ? (p.coordinator ? String(p.coordinator.id) : 'none') : defaultCoordinator,
    childrenInHousehold: p ? String(p.childrenInHousehold) : '0',
    longTermRecipient: p?.longTermRecipient ?? false,
    monthlyAssistance: oreToKronorText(p?.monthlyAssistance ?? null),
    caseNotes: p?.caseNotes ?? '',
    note: '',
  };
}

function ParticipantForm({ participant }: { participant: ParticipantDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useAuth();
  const options = useRpcQuery('participants.filterOptions', {});
  const isNew = participant === null;
  const create = useRpcMutation('participants.create', { invalidates: ['participants.'] });
  const update = useRpcMutation('participants.update', { invalidates: ['participants.'] });
  const [error, setError] = useState<string | null>(null);
  const [pnr, setPnr] = useState<PnrCheck | null>(null);
  const coordinators = options.data?.coordinators ?? [];
  const myDefault = user && user.roles.includes('coordinator') ? String(user.id) : 'none';
  const { register, handleSubmit, control, formState, setError: setFieldError, setFocus } = useForm<Values>({
    defaultValues: valuesOf(participant, myDefault),
  });
  const err = formState.errors;

  const checkPnr = async (value: string) => {
    if (value.trim() === '') {
      setPnr(null);
      return;
    }
    try {
      setPnr(await rpc('participants.checkPersonnummer', { personnummer: value, ...(participant ? { excludeId: participant.id } : {}) }));
    } catch {
      setPnr(null);
    }
  };

  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    const monthlyAssistance = kronorToOre(v.monthlyAssistance);
    if (Number.isNaN(monthlyAssistance)) {
      setFieldError('monthlyAssistance', { type: 'client', message: t('participants.form.assistanceInvalid') });
      return;
    }
    const children = v.childrenInHousehold.trim() === '' ? 0 : Number(v.childrenInHousehold);
    const profile = {
      personnummer: v.personnummer,
      firstName: v.firstName,
      lastName: v.lastName,
      phone: orNull(v.phone),
      email: orNull(v.email),
      address: orNull(v.address),
      postalCode: orNull(v.postalCode),
      city: orNull(v.city),
      district: orNull(v.district),
      referralDate: v.referralDate,
      caseworkerName: orNull(v.caseworkerName),
      caseworkerUnit: orNull(v.caseworkerUnit),
      caseworkerPhone: orNull(v.caseworkerPhone),
      caseworkerEmail: orNull(v.caseworkerEmail),
      coordinatorId: v.coordinator === 'none' || v.coordinator === '' ? null : Number(v.coordinator),
      childrenInHousehold: children,
      longTermRecipient: v.longTermRecipient,
      monthlyAssistance,
      caseNotes: orNull(v.caseNotes),
    };
    try {
      if (isNew) {
        const created = await create.mutateAsync({ ...profile, note: orNull(v.note) });
        void navigate(`/deltagare/${created.id}`);
      } else {
        await update.mutateAsync({ id: participant.id, expectedUpdatedAt: participant.updatedAt, ...profile });
        void navigate(`/deltagare/${participant.id}`);
      }
    } catch (e) {
      const fields = FIELDS.map((f) => (f === 'coordinatorId' ? 'coordinator' : f));
      const pageMessage = applyServerError(e, setFieldError, fields);
      setError(pageMessage);
      // bring the field with the server's reason into view (a duplicate personnummer is at the top of the form)
      if (pageMessage === null && e instanceof RpcClientError && e.field) setFocus(e.field as keyof Values);
    }
  });

  const required = (label: string) => ({ required: t('participants.form.required', { label }) });
  const pnrHelp = err.personnummer?.message ?? (pnr && !pnr.ok ? pnr.reason : null);
  const pnrOk = pnr?.ok ? pnr : null;

  return (
    <>
      <PageHeader
        title={isNew ? t('participants.form.newTitle') : t('participants.form.editTitle', { name: participant.name })}
        lead={isNew ? t('participants.form.newLead') : t('participants.form.editLead')}
      />
      <form onSubmit={onSubmit} noValidate aria-label={isNew ? t('participants.form.newTitle') : t('participants.form.editTitle', { name: participant.name })}>
        <ErrorAlert error={error} />
        <Section title={t('participants.form.person')} id="sec-person">
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField
                label={t('participants.form.personnummer')}
                required
                autoFocus={isNew}
                autoComplete="off"
                error={Boolean(pnrHelp) || Boolean(pnrOk?.existing)}
                helperText={
                  pnrHelp ??
                  (pnrOk
                    ? pnrOk.existing
                      ? t('participants.form.pnrExisting', { name: pnrOk.existing.name, ref: pnrOk.existing.ref })
                      : t('participants.form.pnrValid', {
                          kind: t(`participants.form.pnrKind.${pnrOk.kind}`),
                          formatted: pnrOk.formatted,
                          birthDate: pnrOk.birthDate,
                        })
                    : t('participants.form.personnummerHelp'))
                }
                {...register('personnummer', {
                  ...required(t('participants.field.personnummer')),
                  onBlur: (e: React.FocusEvent<HTMLInputElement>) => void checkPnr(e.target.value),
                })}
              />
              {pnrOk?.existing && (
                <Alert severity="warning" sx={{ mt: 1 }}>
                  <Link component={RouterLink} to={`/deltagare/${pnrOk.existing.id}`}>
                    {t('participants.form.openExisting', { name: pnrOk.existing.name })}
                  </Link>
                </Alert>
              )}
            </Grid>
            <Grid size={{ xs: 12, md: 6 }} />
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField
                label={t('participants.form.firstName')}
                required
                autoComplete="off"
                error={Boolean(err.firstName)}
                helperText={err.firstName?.message}
                {...register('firstName', required(t('participants.form.firstName')))}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField
                label={t('participants.form.lastName')}
                required
                autoComplete="off"
                error={Boolean(err.lastName)}
                helperText={err.lastName?.message}
                {...register('lastName', required(t('participants.form.lastName')))}
              />
            </Grid>
          </Grid>
        </Section>

        <Section title={t('participants.form.contact')} id="sec-contact">
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField label={t('participants.form.phone')} type="tel" autoComplete="off" error={Boolean(err.phone)} helperText={err.phone?.message} {...register('phone')} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField label={t('participants.form.email')} type="email" autoComplete="off" error={Boolean(err.email)} helperText={err.email?.message} {...register('email')} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField label={t('participants.form.address')} autoComplete="off" error={Boolean(err.address)} helperText={err.address?.message} {...register('address')} />
            </Grid>
            <Grid size={{ xs: 5, md: 2 }}>
              <TextField label={t('participants.form.postalCode')} autoComplete="off" error={Boolean(err.postalCode)} helperText={err.postalCode?.message} {...register('postalCode')} />
            </Grid>
            <Grid size={{ xs: 7, md: 4 }}>
              <TextField label={t('participants.form.city')} autoComplete="off" error={Boolean(err.city)} helperText={err.city?.message} {...register('city')} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Controller
                control={control}
                name="district"
                render={({ field }) => (
                  <Autocomplete
                    freeSolo
                    autoSelect
                    options={[...new Set([...BORAS_DISTRICTS, ...(options.data?.districts ?? [])])].sort((a, b) => a.localeCompare(b, 'sv'))}
                    value={field.value}
                    onChange={(_e, v) => field.onChange(v ?? '')}
                    onInputChange={(_e, v, reason) => reason === 'input' && field.onChange(v)}
                    renderInput={(params) => (
                      <TextField {...params} label={t('participants.form.district')} error={Boolean(err.district)} helperText={err.district?.message ?? t('participants.form.districtHelp')} />
                    )}
                  />
                )}
              />
            </Grid>
          </Grid>
        </Section>

        <Section title={t('participants.form.referral')} id="sec-referral">
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 4 }}>
              <TextField
                label={t('participants.form.referralDate')}
                type="date"
                required
                error={Boolean(err.referralDate)}
                helperText={err.referralDate?.message}
                slotProps={{ inputLabel: { shrink: true } }}
                {...register('referralDate', required(t('participants.form.referralDate')))}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 8 }}>
              <Controller
                control={control}
                name="coordinator"
                render={({ field }) => (
                  <TextField select label={t('participants.form.coordinator')} value={field.value} onChange={field.onChange} error={Boolean(err.coordinator)} helperText={err.coordinator?.message}>
                    <MenuItem value="none">{t('participants.form.noCoordinator')}</MenuItem>
                    {/* the current choice stays selectable while the list loads, or when that user is no longer a coordinator */}
                    {field.value !== 'none' && !coordinators.some((c) => String(c.id) === field.value) && (
                      <MenuItem value={field.value}>{participant?.coordinator?.name ?? user?.displayName ?? '…'}</MenuItem>
                    )}
                    {coordinators.map((c) => (
                      <MenuItem key={c.id} value={String(c.id)}>
                        {c.name}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField label={t('participants.form.caseworkerName')} autoComplete="off" error={Boolean(err.caseworkerName)} helperText={err.caseworkerName?.message} {...register('caseworkerName')} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Controller
                control={control}
                name="caseworkerUnit"
                render={({ field }) => (
                  <Autocomplete
                    freeSolo
                    autoSelect
                    options={options.data?.caseworkerUnits ?? []}
                    value={field.value}
                    onChange={(_e, v) => field.onChange(v ?? '')}
                    onInputChange={(_e, v, reason) => reason === 'input' && field.onChange(v)}
                    renderInput={(params) => (
                      <TextField {...params} label={t('participants.form.caseworkerUnit')} error={Boolean(err.caseworkerUnit)} helperText={err.caseworkerUnit?.message} />
                    )}
                  />
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField label={t('participants.form.caseworkerPhone')} type="tel" autoComplete="off" error={Boolean(err.caseworkerPhone)} helperText={err.caseworkerPhone?.message} {...register('caseworkerPhone')} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField label={t('participants.form.caseworkerEmail')} type="email" autoComplete="off" error={Boolean(err.caseworkerEmail)} helperText={err.caseworkerEmail?.message} {...register('caseworkerEmail')} />
            </Grid>
          </Grid>
        </Section>

        <Section title={t('participants.form.social')} sensitive id="sec-social">
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 4 }}>
              <TextField
                label={<SensitiveLabel>{t('participants.form.children')}</SensitiveLabel>}
                type="number"
                slotProps={{ htmlInput: { min: 0, max: 20, step: 1 } }}
                error={Boolean(err.childrenInHousehold)}
                helperText={err.childrenInHousehold?.message}
                {...register('childrenInHousehold')}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 8 }}>
              <TextField
                label={<SensitiveLabel>{t('participants.form.assistance')}</SensitiveLabel>}
                inputMode="decimal"
                autoComplete="off"
                error={Boolean(err.monthlyAssistance)}
                helperText={err.monthlyAssistance?.message ?? t('participants.form.assistanceHelp')}
                {...register('monthlyAssistance')}
              />
            </Grid>
            <Grid size={12}>
              <Controller
                control={control}
                name="longTermRecipient"
                render={({ field }) => (
                  <FormControlLabel
                    control={<Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} />}
                    label={<SensitiveLabel>{t('participants.form.longTerm')}</SensitiveLabel>}
                  />
                )}
              />
            </Grid>
            <Grid size={12}>
              <TextField
                label={<SensitiveLabel>{t('participants.form.caseNotes')}</SensitiveLabel>}
                multiline
                minRows={3}
                error={Boolean(err.caseNotes)}
                helperText={err.caseNotes?.message}
                {...register('caseNotes')}
              />
            </Grid>
          </Grid>
        </Section>

        {isNew && (
          <Section title={t('participants.form.note')} id="sec-note">
            <TextField label={t('participants.form.note')} multiline minRows={2} error={Boolean(err.note)} helperText={err.note?.message ?? t('participants.form.noteHelp')} {...register('note')} />
          </Section>
        )}

        <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
          <Button component={RouterLink} to={isNew ? '/deltagare' : `/deltagare/${participant.id}`}>
            {t('participants.form.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
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
  const { id } = useParams();
  const participant = useRpcQuery('participants.get', { id: Number(id) }, { enabled: Number(id) > 0 });
  if (participant.isLoading) return <Loading />;
  if (participant.error || !participant.data) return <ErrorAlert error={participant.error ?? 'Deltagaren finns inte.'} />;
  return <ParticipantForm key={participant.data.updatedAt} participant={participant.data} />;
}

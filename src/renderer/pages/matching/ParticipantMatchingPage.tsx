import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import type { ParticipantListRow } from '../../../shared/domain/participant';
import { useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { formatDate } from '../../util/format';
import { ErrorAlert, FactList, Loading, PageHeader, Section, TagList, useLabel } from '../../components';
import { MatchingTabs } from './MatchingTabs';
import { ProposalsTable } from './ProposalsTable';
import { RankedPositionsForParticipant } from './RankedPositionsForParticipant';
import './i18n';

/** Picks a waiting participant by name, personnummer or reference. */
function ParticipantPicker() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const list = useRpcQuery(
    'participants.list',
    {
      ...(input.trim() ? { search: input.trim() } : {}),
      stages: ['mapped', 'matching', 'proposed'],
      sort: 'name',
      direction: 'asc',
      offset: 0,
      limit: 25,
    },
    { placeholderData: (prev) => prev },
  );
  return (
    <>
      <ErrorAlert error={list.error} />
      <Autocomplete<ParticipantListRow>
        options={list.data?.rows ?? []}
        loading={list.isFetching}
        filterOptions={(x) => x}
        getOptionLabel={(o) => `${o.name} (${o.ref})`}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        onInputChange={(_e, v) => setInput(v)}
        onChange={(_e, v) => {
          if (v) void navigate(paths.matchParticipant(v.id));
        }}
        renderOption={(props, o) => {
          const { key, ...rest } = props as typeof props & { key: string };
          return (
            <li key={key} {...rest}>
              <Box>
                <Typography>{o.name}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {o.ref} · {label('stage', o.stage)}
                  {o.district ? ` · ${o.district}` : ''}
                </Typography>
              </Box>
            </li>
          );
        }}
        noOptionsText={t('matching.participant.noOptions')}
        renderInput={(params) => (
          <TextField
            {...params}
            label={t('matching.participant.pick')}
            helperText={t('matching.participant.pickHelp')}
          />
        )}
        sx={{ maxWidth: 560 }}
      />
    </>
  );
}

/** '/matchning/deltagare': choose a participant to see positions ranked for them. */
export function ParticipantPickPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('matching.participant.pickTitle')} lead={t('matching.participant.pickLead')} />
      <MatchingTabs value="participant" />
      <Paper sx={{ p: 2 }}>
        <ParticipantPicker />
      </Paper>
    </>
  );
}

/** '/matchning/deltagare/:id': positions ranked for one participant, with what the ranking is based on. */
export function ParticipantMatchingPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { id } = useParams();
  const participantId = Number(id);
  const valid = Number.isInteger(participantId) && participantId > 0;
  const participant = useRpcQuery('participants.get', { id: valid ? participantId : 1 }, { enabled: valid });
  const back = (
    <Button component={RouterLink} to={paths.matchPickParticipant} startIcon={<ArrowBack />} sx={{ mb: 1 }}>
      {t('matching.participant.back')}
    </Button>
  );
  if (!valid) {
    return (
      <>
        {back}
        <Alert severity="warning">{t('matching.participant.notFound')}</Alert>
      </>
    );
  }
  if (participant.isLoading) return <Loading />;
  if (participant.error || !participant.data) {
    return (
      <>
        {back}
        <ErrorAlert error={participant.error ?? t('matching.participant.notFound')} />
      </>
    );
  }
  const p = participant.data;
  const m = p.mapping;
  return (
    <>
      {back}
      <PageHeader
        title={t('matching.participant.title', { name: p.name })}
        lead={t('matching.participant.lead')}
        actions={<Chip variant="outlined" label={`${p.ref} · ${label('stage', p.stage)}`} />}
      />
      <Section id="basis-heading" title={t('matching.participant.basis')}>
        <FactList
          columns={2}
          items={[
            { label: t('matching.participant.district'), value: p.district ?? '–' },
            {
              label: t('matching.participant.swedish'),
              value: m.swedishLevel ? label('swedishLevel', m.swedishLevel) : '–',
            },
            {
              label: t('matching.participant.available'),
              value: m.availablePercent !== null ? `${m.availablePercent} %` : '–',
            },
            { label: t('matching.participant.earliestStart'), value: formatDate(m.earliestStart) },
            {
              label: t('matching.participant.licences'),
              value: m.licenceClasses.length
                ? m.licenceClasses.map((c) => label('licenceClass', c).split(' ')[0]).join(', ')
                : '–',
            },
            { label: t('matching.participant.languages'), value: <TagList tags={m.languages} empty="–" /> },
            {
              label: t('matching.participant.wishes'),
              value: <TagList tags={m.wishedKinds.map((k) => label('placementKind', k))} empty="–" />,
            },
            { label: t('matching.participant.skills'), value: <TagList tags={m.skills} empty="–" /> },
          ]}
        />
      </Section>
      <RankedPositionsForParticipant participantId={p.id} participantName={p.name} />
      <Section id="pp-heading" title={t('matching.proposals.forParticipant')}>
        <ProposalsTable
          participantId={p.id}
          ariaLabel={t('matching.proposals.forParticipantLabel', { name: p.name })}
          emptyText={t('matching.proposals.emptyParticipant')}
        />
      </Section>
    </>
  );
}

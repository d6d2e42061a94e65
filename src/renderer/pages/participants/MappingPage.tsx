import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ParticipantDetail } from '../../../shared/domain/participant';
import { mappingMissing, requiresCompleteMapping } from '../../../shared/rules/journey';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import {
  ErrorAlert,
  FormBody,
  FormSections,
  Loading,
  PageHeader,
  StageChip,
  useLabel,
  useSchemaForm,
} from '../../components';
import { mappingForm } from './forms';
import { paths } from '../../app/paths';
import './i18n';

function MappingForm({ p }: { p: ParticipantDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = useLabel();
  const save = useRpcMutation('participants.updateMapping', { invalidates: ['participants.'] });
  const sf = useSchemaForm({
    layout: mappingForm,
    record: { ...p.mapping, restrictions: p.restrictions },
    extra: { id: p.id, expectedUpdatedAt: p.updatedAt },
    send: (input) => save.mutateAsync(input),
    onDone: () => void navigate(paths.participant(p.id)),
  });
  const w = sf.watch;
  const missing = mappingMissing({
    languages: (w('languages') as string[]) ?? [],
    swedishLevel: (w('swedishLevel') as string) || null,
    educationLevel: (w('educationLevel') as string) || null,
    experienceText: (w('experienceText') as string) ?? null,
    skills: (w('skills') as string[]) ?? [],
    interests: (w('interests') as string[]) ?? [],
    wishedKinds: (w('wishedKinds') as string[]) ?? [],
    availablePercent: w('availablePercent') ? Number(w('availablePercent')) : null,
    earliestStart: /^\d{4}-\d{2}-\d{2}$/.test(String(w('earliestStart') ?? '')) ? String(w('earliestStart')) : null,
  });
  const canMarkMapped = p.stage === 'attended';
  const mustStayComplete = requiresCompleteMapping(p.stage, p.pause?.fromStage ?? null);
  const submit = (markMapped: boolean) => void sf.submit(null, { markMapped });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
      aria-label={t('participants.mapping.title', { name: p.name })}
    >
      <ErrorAlert error={sf.pageError} />
      <Box role="status" aria-live="polite" sx={{ mb: 2 }}>
        {missing.length === 0 ? (
          <Alert severity="success">{t('participants.mapping.complete')}</Alert>
        ) : (
          <Alert severity="warning">
            <AlertTitle>{t('participants.mapping.missing')}</AlertTitle>
            <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 0.75 }}>
              {missing.map((f) => (
                <Box
                  component="li"
                  key={f}
                  sx={{
                    border: '1px solid',
                    borderColor: 'warning.main',
                    borderRadius: 4,
                    px: 1.25,
                    py: 0.25,
                    fontSize: '0.875rem',
                  }}
                >
                  {label('mappingRequirement', f)}
                </Box>
              ))}
            </Box>
          </Alert>
        )}
        {mustStayComplete && (
          <Alert severity="info" sx={{ mt: 1 }}>
            {t('participants.mapping.mappedStages')}
          </Alert>
        )}
      </Box>

      <FormBody form={sf}>
        <FormSections />
      </FormBody>

      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', flexWrap: 'wrap' }}>
        <Button component={RouterLink} to={paths.participant(p.id)}>
          {t('participants.mapping.cancel')}
        </Button>
        <Button type="submit" variant={canMarkMapped ? 'outlined' : 'contained'} disabled={sf.busy}>
          {t('participants.mapping.save')}
        </Button>
        {canMarkMapped && (
          <Button variant="contained" disabled={sf.busy || missing.length > 0} onClick={() => submit(true)}>
            {t('participants.mapping.saveAndMap')}
          </Button>
        )}
      </Box>
    </form>
  );
}

export function MappingPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const participant = useRpcQuery('participants.get', { id: Number(id) }, { enabled: Number(id) > 0 });
  if (participant.isLoading) return <Loading />;
  if (participant.error || !participant.data)
    return <ErrorAlert error={participant.error ?? t('participants.detail.notFound')} />;
  const p = participant.data;
  return (
    <>
      <PageHeader
        title={t('participants.mapping.title', { name: p.name })}
        lead={t('participants.mapping.lead')}
        actions={<StageChip stage={p.stage} size="medium" />}
      />
      <MappingForm key={p.updatedAt} p={p} />
    </>
  );
}

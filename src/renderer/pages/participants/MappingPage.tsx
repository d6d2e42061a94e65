import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import {
  EDUCATION_LEVELS,
  EDUCATION_LEVEL_LABELS,
  LICENCE_CLASSES,
  LICENCE_CLASS_LABELS,
  PLACEMENT_KINDS,
  PLACEMENT_KIND_LABELS,
  SWEDISH_LEVELS,
  SWEDISH_LEVEL_LABELS,
  type EducationLevel,
  type LicenceClass,
  type ParticipantDetail,
  type PlacementKind,
  type SwedishLevel,
} from '../../../shared/domain/participant';
import { MAPPING_REQUIREMENT_LABELS, mappingMissing, requiresCompleteMapping } from '../../../shared/rules/journey';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { applyServerError } from '../../components/form';
import { Section, SensitiveLabel, StageChip, TagsField, orNull } from './components';
import './i18n';

interface Values {
  languages: string[];
  swedishLevel: SwedishLevel | '';
  educationLevel: EducationLevel | '';
  licenceClasses: LicenceClass[];
  experienceText: string;
  ssykCode: string;
  skills: string[];
  interests: string[];
  restrictions: string;
  wishedKinds: PlacementKind[];
  availablePercent: string;
  earliestStart: string;
  note: string;
}

const FIELDS = [
  'languages',
  'swedishLevel',
  'educationLevel',
  'licenceClasses',
  'experienceText',
  'ssykCode',
  'skills',
  'interests',
  'restrictions',
  'wishedKinds',
  'availablePercent',
  'earliestStart',
  'note',
] as const;

/** Languages heard most often at Jobb Borås, offered as suggestions (any language can be typed). */
const LANGUAGE_SUGGESTIONS = [
  'svenska',
  'arabiska',
  'somaliska',
  'tigrinja',
  'dari',
  'persiska',
  'pashto',
  'kurdiska (sorani)',
  'kurdiska (kurmanji)',
  'bosniska/kroatiska/serbiska',
  'polska',
  'turkiska',
  'engelska',
  'franska',
  'spanska',
  'ryska',
  'ukrainska',
  'thai',
  'amhariska',
  'finska',
];

function MappingForm({ p }: { p: ParticipantDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useRpcMutation('participants.updateMapping', { invalidates: ['participants.'] });
  const [error, setError] = useState<string | null>(null);
  const m = p.mapping;
  const { register, handleSubmit, control, formState, setError: setFieldError } = useForm<Values>({
    defaultValues: {
      languages: m.languages,
      swedishLevel: m.swedishLevel ?? '',
      educationLevel: m.educationLevel ?? '',
      licenceClasses: m.licenceClasses,
      experienceText: m.experienceText ?? '',
      ssykCode: m.ssykCode ?? '',
      skills: m.skills,
      interests: m.interests,
      restrictions: p.restrictions ?? '',
      wishedKinds: m.wishedKinds,
      availablePercent: m.availablePercent === null ? '' : String(m.availablePercent),
      earliestStart: m.earliestStart ?? '',
      note: '',
    },
  });
  const err = formState.errors;
  const watched = useWatch({ control });
  const missing = mappingMissing({
    languages: watched.languages ?? [],
    swedishLevel: watched.swedishLevel || null,
    educationLevel: watched.educationLevel || null,
    experienceText: watched.experienceText ?? null,
    skills: watched.skills ?? [],
    interests: watched.interests ?? [],
    wishedKinds: (watched.wishedKinds ?? []) as string[],
    availablePercent: watched.availablePercent ? Number(watched.availablePercent) : null,
    earliestStart: watched.earliestStart || null,
  });
  const canMarkMapped = p.stage === 'attended';
  const mustStayComplete = requiresCompleteMapping(p.stage, p.pause?.fromStage ?? null);

  const submit = (markMapped: boolean) =>
    handleSubmit(async (v) => {
      setError(null);
      try {
        await save.mutateAsync({
          id: p.id,
          expectedUpdatedAt: p.updatedAt,
          languages: v.languages,
          swedishLevel: v.swedishLevel || null,
          educationLevel: v.educationLevel || null,
          licenceClasses: v.licenceClasses,
          experienceText: orNull(v.experienceText),
          ssykCode: v.ssykCode.trim() === '' ? null : v.ssykCode.trim(),
          skills: v.skills,
          interests: v.interests,
          restrictions: orNull(v.restrictions),
          wishedKinds: v.wishedKinds,
          availablePercent: v.availablePercent.trim() === '' ? null : Number(v.availablePercent),
          earliestStart: v.earliestStart || null,
          markMapped,
          note: orNull(v.note),
        });
        void navigate(`/deltagare/${p.id}`);
      } catch (e) {
        setError(applyServerError(e, setFieldError, FIELDS));
      }
    });

  return (
    <form noValidate onSubmit={submit(false)} aria-label={t('participants.mapping.title', { name: p.name })}>
      <ErrorAlert error={error} />
      <Box role="status" aria-live="polite" sx={{ mb: 2 }}>
        {missing.length === 0 ? (
          <Alert severity="success">{t('participants.mapping.complete')}</Alert>
        ) : (
          <Alert severity="warning">
            <AlertTitle>{t('participants.mapping.missing')}</AlertTitle>
            <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 0.75 }}>
              {missing.map((f) => (
                <Box component="li" key={f} sx={{ border: '1px solid', borderColor: 'warning.main', borderRadius: 4, px: 1.25, py: 0.25, fontSize: '0.875rem' }}>
                  {MAPPING_REQUIREMENT_LABELS[f]}
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

      <Section title={t('participants.mapping.languagesSection')} id="sec-lang">
        <Grid container spacing={2}>
          <Grid size={12}>
            <Controller
              control={control}
              name="languages"
              render={({ field }) => (
                <TagsField
                  id="mapping-languages"
                  label={t('participants.mapping.languages')}
                  value={field.value}
                  onChange={field.onChange}
                  suggestions={LANGUAGE_SUGGESTIONS}
                  error={Boolean(err.languages)}
                  helperText={err.languages?.message ?? t('participants.mapping.languagesHelp')}
                />
              )}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Controller
              control={control}
              name="swedishLevel"
              render={({ field }) => (
                <TextField select label={t('participants.mapping.swedishLevel')} value={field.value} onChange={field.onChange} error={Boolean(err.swedishLevel)} helperText={err.swedishLevel?.message}>
                  <MenuItem value="">{t('participants.mapping.none')}</MenuItem>
                  {SWEDISH_LEVELS.map((l) => (
                    <MenuItem key={l} value={l}>
                      {SWEDISH_LEVEL_LABELS[l]}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Controller
              control={control}
              name="educationLevel"
              render={({ field }) => (
                <TextField select label={t('participants.mapping.educationLevel')} value={field.value} onChange={field.onChange} error={Boolean(err.educationLevel)} helperText={err.educationLevel?.message}>
                  <MenuItem value="">{t('participants.mapping.none')}</MenuItem>
                  {EDUCATION_LEVELS.map((l) => (
                    <MenuItem key={l} value={l}>
                      {EDUCATION_LEVEL_LABELS[l]}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            />
          </Grid>
          <Grid size={12}>
            <Controller
              control={control}
              name="licenceClasses"
              render={({ field }) => (
                <FormControl component="fieldset" error={Boolean(err.licenceClasses)}>
                  <FormLabel component="legend">{t('participants.mapping.licenceLegend')}</FormLabel>
                  <FormGroup row>
                    {LICENCE_CLASSES.map((c) => (
                      <FormControlLabel
                        key={c}
                        label={c}
                        title={LICENCE_CLASS_LABELS[c]}
                        control={
                          <Checkbox
                            checked={field.value.includes(c)}
                            slotProps={{ input: { 'aria-label': LICENCE_CLASS_LABELS[c] } }}
                            onChange={(e) => field.onChange(e.target.checked ? [...field.value, c] : field.value.filter((x) => x !== c))}
                          />
                        }
                      />
                    ))}
                  </FormGroup>
                  {err.licenceClasses && <FormHelperText>{err.licenceClasses.message}</FormHelperText>}
                </FormControl>
              )}
            />
          </Grid>
        </Grid>
      </Section>

      <Section title={t('participants.mapping.experienceSection')} id="sec-exp">
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 8 }}>
            <TextField
              label={t('participants.mapping.experience')}
              multiline
              minRows={3}
              error={Boolean(err.experienceText)}
              helperText={err.experienceText?.message ?? t('participants.mapping.experienceHelp')}
              {...register('experienceText')}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <TextField
              label={t('participants.mapping.ssyk')}
              inputMode="numeric"
              autoComplete="off"
              slotProps={{ htmlInput: { maxLength: 4 } }}
              error={Boolean(err.ssykCode)}
              helperText={err.ssykCode?.message ?? t('participants.mapping.ssykHelp')}
              {...register('ssykCode', { pattern: { value: /^(\d{4})?$/, message: 'Ange en yrkeskod enligt SSYK 2012 med fyra siffror' } })}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Controller
              control={control}
              name="skills"
              render={({ field }) => (
                <TagsField id="mapping-skills" label={t('participants.mapping.skills')} value={field.value} onChange={field.onChange} error={Boolean(err.skills)} helperText={err.skills?.message ?? t('participants.mapping.tagsHelp')} />
              )}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Controller
              control={control}
              name="interests"
              render={({ field }) => (
                <TagsField
                  id="mapping-interests"
                  label={t('participants.mapping.interests')}
                  value={field.value}
                  onChange={field.onChange}
                  error={Boolean(err.interests)}
                  helperText={err.interests?.message ?? t('participants.mapping.tagsHelp')}
                />
              )}
            />
          </Grid>
          <Grid size={12}>
            <TextField
              label={<SensitiveLabel>{t('participants.mapping.restrictions')}</SensitiveLabel>}
              multiline
              minRows={2}
              error={Boolean(err.restrictions)}
              helperText={err.restrictions?.message ?? t('participants.mapping.restrictionsHelp')}
              {...register('restrictions')}
            />
          </Grid>
        </Grid>
      </Section>

      <Section title={t('participants.mapping.wishesSection')} id="sec-wishes">
        <Grid container spacing={2}>
          <Grid size={12}>
            <Controller
              control={control}
              name="wishedKinds"
              render={({ field }) => (
                <FormControl component="fieldset" error={Boolean(err.wishedKinds)}>
                  <FormLabel component="legend">{t('participants.mapping.wishedKinds')}</FormLabel>
                  <FormGroup row>
                    {PLACEMENT_KINDS.map((k) => (
                      <FormControlLabel
                        key={k}
                        label={PLACEMENT_KIND_LABELS[k]}
                        sx={{ minWidth: 260 }}
                        control={
                          <Checkbox
                            checked={field.value.includes(k)}
                            onChange={(e) => field.onChange(e.target.checked ? [...field.value, k] : field.value.filter((x) => x !== k))}
                          />
                        }
                      />
                    ))}
                  </FormGroup>
                  {err.wishedKinds && <FormHelperText>{err.wishedKinds.message}</FormHelperText>}
                </FormControl>
              )}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              label={t('participants.mapping.availablePercent')}
              type="number"
              slotProps={{ htmlInput: { min: 10, max: 100, step: 5 } }}
              error={Boolean(err.availablePercent)}
              helperText={err.availablePercent?.message}
              {...register('availablePercent')}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              label={t('participants.mapping.earliestStart')}
              type="date"
              slotProps={{ inputLabel: { shrink: true } }}
              error={Boolean(err.earliestStart)}
              helperText={err.earliestStart?.message}
              {...register('earliestStart')}
            />
          </Grid>
          <Grid size={12}>
            <TextField label={t('participants.mapping.note')} multiline minRows={2} error={Boolean(err.note)} helperText={err.note?.message} {...register('note')} />
          </Grid>
        </Grid>
      </Section>

      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', flexWrap: 'wrap' }}>
        <Button component={RouterLink} to={`/deltagare/${p.id}`}>
          {t('participants.mapping.cancel')}
        </Button>
        <Button type="submit" variant={canMarkMapped ? 'outlined' : 'contained'} disabled={formState.isSubmitting}>
          {t('participants.mapping.save')}
        </Button>
        {canMarkMapped && (
          <Button variant="contained" disabled={formState.isSubmitting || missing.length > 0} onClick={() => void submit(true)()}>
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
  if (participant.error || !participant.data) return <ErrorAlert error={participant.error ?? t('participants.detail.notFound')} />;
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

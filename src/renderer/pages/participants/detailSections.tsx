import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { type ParticipantDetail } from '../../../shared/domain/participant';
import { type MappingRequirement } from '../../../shared/rules/journey';
import { formatDate, formatDateTime, formatMoney } from '../../util/format';
import { FactList, Section, useLabel } from '../../components';
import { paths } from '../../app/paths';
import './i18n';

/** The sections of the participant page's side column: person, referral, mapping, social, meetings, deviations, follow-ups. */

export function PersonSections({ p }: { p: ParticipantDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t('participants.detail.person')} id="sec-person">
        <FactList
          items={[
            { label: t(`participants.field.${p.identityKind}`), value: p.personnummerFormatted },
            { label: t('participants.field.phone'), value: p.phone },
            { label: t('participants.field.email'), value: p.email },
            {
              label: t('participants.field.address'),
              value: [p.address, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
            },
            { label: t('participants.field.district'), value: p.district },
            { label: t('participants.field.coordinator'), value: p.coordinator?.name },
          ]}
        />
      </Section>
      <Section title={t('participants.detail.referral')} id="sec-referral">
        <FactList
          items={[
            { label: t('participants.field.referralDate'), value: formatDate(p.referralDate) },
            { label: t('participants.field.caseworker'), value: p.caseworker.name },
            { label: t('participants.form.caseworkerUnit'), value: p.caseworker.unit },
            { label: t('participants.form.caseworkerPhone'), value: p.caseworker.phone },
            { label: t('participants.form.caseworkerEmail'), value: p.caseworker.email },
          ]}
        />
      </Section>
    </>
  );
}

export function MappingSummary({ p }: { p: ParticipantDetail }) {
  const { t } = useTranslation();
  const label = useLabel();
  const m = p.mapping;
  return (
    <Section
      title={t('participants.detail.mappingSummary')}
      id="sec-mapping"
      actions={
        <Button component={RouterLink} to={paths.participantMapping(p.id)} size="small">
          {t('participants.detail.openMapping')}
        </Button>
      }
    >
      {p.mappingStatus.complete ? (
        <Alert severity="success" sx={{ mb: 1.5 }}>
          {t('participants.detail.mappingComplete')}
        </Alert>
      ) : (
        <Alert severity="warning" sx={{ mb: 1.5 }}>
          {t('participants.detail.mappingMissing', {
            fields: p.mappingStatus.missing
              .map((x) => label('mappingRequirement', x.field as MappingRequirement).toLocaleLowerCase())
              .join(', '),
          })}
        </Alert>
      )}
      <FactList
        items={[
          { label: t('participants.mapping.languages'), value: m.languages.join(', ') },
          {
            label: t('participants.mapping.swedishLevel'),
            value: m.swedishLevel ? label('swedishLevel', m.swedishLevel) : null,
          },
          {
            label: t('participants.mapping.educationLevel'),
            value: m.educationLevel ? label('educationLevel', m.educationLevel) : null,
          },
          { label: t('participants.mapping.licence'), value: m.licenceClasses.join(', ') },
          {
            label: t('participants.mapping.experience'),
            value: [m.experienceText, m.ssykCode ? `SSYK ${m.ssykCode}` : null].filter(Boolean).join('\n'),
          },
          { label: t('participants.mapping.skills'), value: m.skills.join(', ') },
          { label: t('participants.mapping.interests'), value: m.interests.join(', ') },
          {
            label: t('participants.mapping.wishedKinds'),
            value: m.wishedKinds.map((k) => label('placementKind', k)).join(', '),
          },
          {
            label: t('participants.mapping.availablePercent'),
            value: m.availablePercent === null ? null : `${m.availablePercent} %`,
          },
          {
            label: t('participants.mapping.earliestStart'),
            value: m.earliestStart ? formatDate(m.earliestStart) : null,
          },
        ]}
      />
    </Section>
  );
}

export function SocialSection({ p }: { p: ParticipantDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('participants.detail.social')} sensitive id="sec-social">
      <FactList
        items={[
          {
            label: t('participants.field.longTerm'),
            value: p.longTermRecipient ? t('participants.list.yes') : t('participants.list.no'),
          },
          { label: t('participants.field.children'), value: String(p.childrenInHousehold) },
          {
            label: t('participants.field.assistance'),
            value: p.monthlyAssistance === null ? null : formatMoney(p.monthlyAssistance),
          },
          { label: t('participants.field.restrictions'), value: p.restrictions },
          { label: t('participants.field.caseNotes'), value: p.caseNotes },
        ]}
      />
    </Section>
  );
}

export function MeetingsSection({ p }: { p: ParticipantDetail }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Section title={t('participants.detail.meetings')} id="sec-meetings">
      {p.bookings.length === 0 ? (
        <Typography color="text.secondary">{t('participants.detail.noMeetings')}</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {p.bookings.map((b) => (
            <li key={`${b.meetingId}-${b.status}`}>
              <Link component={RouterLink} to={paths.meeting(b.meetingId)}>
                {formatDateTime(b.startsAt)}, {b.place}
              </Link>{' '}
              – {label('bookingStatus', b.status)}
            </li>
          ))}
        </Box>
      )}
      {p.noShowCount > 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('participants.detail.noShows')}: {p.noShowCount}
        </Typography>
      )}
    </Section>
  );
}

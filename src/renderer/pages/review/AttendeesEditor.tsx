import { useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutline from '@mui/icons-material/DeleteOutlineOutlined';
import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import { ATTENDEE_PARTIES, type AttendeeParty } from '../../../shared/domain/review';
import { useLabel } from '../../components';
import { useReviewRoles } from './parts';
import './i18n';

export interface AttendeeDraft {
  name: string;
  party: AttendeeParty;
  title: string | null;
}

export function missingParties(list: readonly { party: AttendeeParty }[]): AttendeeParty[] {
  return ATTENDEE_PARTIES.filter((p) => !list.some((a) => a.party === p));
}

/** Edits a list of attendees: each with a name, a party and an optional title. */
export function AttendeesEditor({
  value,
  onChange,
  pendingRef,
}: {
  value: AttendeeDraft[];
  onChange: (v: AttendeeDraft[]) => void;
  /** Lets the dialog pick up a person typed in but not yet added, so nobody is lost on saving. */
  pendingRef: MutableRefObject<() => AttendeeDraft | null>;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { userName, defaultParty } = useReviewRoles();
  const [name, setName] = useState('');
  const [party, setParty] = useState<AttendeeParty>(defaultParty === 'union' ? 'employer' : 'union');
  const [title, setTitle] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  pendingRef.current = () => (name.trim() ? { name: name.trim(), party, title: title.trim() || null } : null);
  const missing = missingParties(value);
  const hasMe = value.some((a) => a.name.toLocaleLowerCase('sv-SE') === userName.toLocaleLowerCase('sv-SE'));

  const add = () => {
    const n = name.trim();
    if (!n) {
      setNameError(t('review.attendees.nameRequired'));
      return;
    }
    onChange([...value, { name: n, party, title: title.trim() || null }]);
    setName('');
    setTitle('');
    setNameError(null);
  };

  return (
    <Stack spacing={2}>
      {value.length === 0 ? (
        <Typography color="text.secondary">{t('review.attendees.empty')}</Typography>
      ) : (
        <Box component="ul" aria-label={t('review.attendees.listLabel')} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {value.map((a, i) => (
            <Box
              component="li"
              key={`${a.party}-${a.name}-${i}`}
              sx={{
                display: 'flex',
                alignItems: 'center',
                gap: 1,
                py: 0.75,
                borderBottom: '1px solid',
                borderColor: 'divider',
              }}
            >
              <Box sx={{ flexGrow: 1 }}>
                <Typography sx={{ fontWeight: 600 }}>{a.name}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {label('attendeeParty', a.party)}
                  {a.title ? ` · ${a.title}` : ''}
                </Typography>
              </Box>
              <IconButton
                aria-label={t('review.attendees.remove', { name: a.name })}
                onClick={() => onChange(value.filter((_x, j) => j !== i))}
              >
                <DeleteOutline />
              </IconButton>
            </Box>
          ))}
        </Box>
      )}
      {missing.length > 0 && (
        <Alert severity="warning">
          {t('review.attendees.missingParty', { party: missing.map((p) => label('attendeeParty', p)).join(', ') })}
        </Alert>
      )}
      {!hasMe && userName && (
        <Box>
          <Button
            size="small"
            onClick={() => onChange([...value, { name: userName, party: defaultParty, title: null }])}
          >
            {t('review.attendees.addMe', { name: userName })}
          </Button>
        </Box>
      )}
      <Box
        component="fieldset"
        sx={{
          border: '1px solid',
          borderColor: 'divider',
          borderRadius: 1,
          p: 2,
          m: 0,
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' },
        }}
      >
        <Typography component="legend" variant="body2" sx={{ px: 0.5, fontWeight: 600 }}>
          {t('review.attendees.add')}
        </Typography>
        <TextField
          label={t('review.attendees.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={Boolean(nameError)}
          helperText={nameError ?? undefined}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <TextField
          select
          label={t('review.attendees.party')}
          value={party}
          onChange={(e) => setParty(e.target.value as AttendeeParty)}
        >
          {ATTENDEE_PARTIES.map((p) => (
            <MenuItem key={p} value={p}>
              {label('attendeeParty', p)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('review.attendees.titleField')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          sx={{ gridColumn: { sm: '1 / -1' } }}
        />
        <Box sx={{ gridColumn: { sm: '1 / -1' } }}>
          <Button variant="outlined" startIcon={<PersonAddAlt1Outlined />} onClick={add}>
            {t('review.attendees.add')}
          </Button>
        </Box>
      </Box>
    </Stack>
  );
}

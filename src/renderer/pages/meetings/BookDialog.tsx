import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { formatDate } from '../../util/format';
import { ErrorAlert } from '../../components';
import './i18n';

/** Books referred participants to a meeting; never more than its free places. */
export function BookDialog({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Map<number, string>>(new Map());
  const book = useRpcMutation('meetings.book', { invalidates: ['meetings.', 'participants.', 'deviations.'] });
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const candidates = useRpcQuery(
    'participants.list',
    {
      stages: ['referred'],
      ...(search ? { search } : {}),
      sort: 'referralDate',
      direction: 'asc',
      offset: 0,
      limit: 50,
    },
    { placeholderData: (p) => p },
  );
  const rows = candidates.data?.rows ?? [];
  const tooMany = selected.size > meeting.free;

  const toggle = (id: number, name: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(id, name);
      else next.delete(id);
      return next;
    });

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="book-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (selected.size === 0 || tooMany) return;
          book.mutate({ meetingId: meeting.id, participantIds: [...selected.keys()] }, { onSuccess: onClose });
        }}
      >
        <DialogTitle id="book-title">{t('meetings.book.title')}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={book.error} />
          <DialogContentText sx={{ mb: 2 }}>{t('meetings.book.lead', { free: meeting.free })}</DialogContentText>
          <TextField
            label={t('meetings.book.search')}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            helperText={t('meetings.book.searchHelp')}
            autoFocus
          />
          <ErrorAlert error={candidates.error} sx={{ mt: 2 }} />
          <Box
            role="group"
            aria-label={t('meetings.book.title')}
            sx={{
              mt: 2,
              maxHeight: 360,
              overflow: 'auto',
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              px: 1.5,
            }}
          >
            {rows.length === 0 && !candidates.isFetching && (
              <Typography sx={{ py: 2 }}>{t('meetings.book.none')}</Typography>
            )}
            {rows.map((r) => (
              <Box
                key={r.id}
                sx={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 1,
                  borderBottom: 1,
                  borderColor: 'divider',
                  '&:last-of-type': { borderBottom: 0 },
                }}
              >
                <FormControlLabel
                  sx={{ flexGrow: 1, py: 0.25 }}
                  control={
                    <Checkbox checked={selected.has(r.id)} onChange={(e) => toggle(r.id, r.name, e.target.checked)} />
                  }
                  label={
                    <span>
                      <strong>{r.name}</strong> · {r.personnummerFormatted} ·{' '}
                      {t('meetings.book.referred', { date: formatDate(r.referralDate) })}
                      {r.district ? ` · ${r.district}` : ''}
                    </span>
                  }
                />
                {r.noShowCount > 0 && (
                  <Chip
                    size="small"
                    color="warning"
                    variant="outlined"
                    label={t('meetings.book.noShows', { count: r.noShowCount })}
                  />
                )}
              </Box>
            ))}
          </Box>
          {candidates.data && candidates.data.total > rows.length && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('meetings.book.more', { shown: rows.length, total: candidates.data.total })}
            </Typography>
          )}
          <Typography role="status" sx={{ mt: 1.5 }}>
            {t('meetings.book.selected', { count: selected.size })}
            {selected.size > 0 && `: ${[...selected.values()].join(', ')}`}
          </Typography>
          {tooMany && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {t('meetings.book.tooMany', { free: meeting.free })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('meetings.form.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={selected.size === 0 || tooMany || book.isPending}>
            {t('meetings.book.confirm', { count: selected.size })}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

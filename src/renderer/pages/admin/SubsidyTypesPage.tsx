import { useMemo, useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import { DataGrid, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { subsidyTypeInput, type SubsidyType } from '../../../shared/contract/subsidy-types';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { gridLocale } from '../positions/parts';
import { kronor, kronorInputToOre, oreToKronorInput, serverErrorToForm } from '../placements/parts';
import './SubsidyTypes.i18n';

type Values = { name: string; maxMonths: string; defaultPercent: string; monthlyCeiling: string; notes: string };
const FIELDS = ['name', 'maxMonths', 'defaultPercent', 'monthlyCeiling', 'notes'] as const;
const FIELD_MAP: Record<string, string> = { monthlyCeilingOre: 'monthlyCeiling' };
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** Create or edit a subsidy type; the ceiling is typed in kronor and stored in öre. */
function SubsidyTypeDialog({ type, onClose }: { type: SubsidyType | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const isNew = type === 'new';
  const [error, setError] = useState<string | null>(null);
  const create = useRpcMutation('subsidyTypes.create', { invalidates: ['subsidyTypes.'] });
  const update = useRpcMutation('subsidyTypes.update', { invalidates: ['subsidyTypes.'] });
  const {
    register,
    handleSubmit,
    formState,
    setError: setFieldError,
    clearErrors,
  } = useForm<Values>({
    defaultValues: isNew
      ? { name: '', maxMonths: '12', defaultPercent: '', monthlyCeiling: '', notes: '' }
      : {
          name: type.name,
          maxMonths: String(type.maxMonths),
          defaultPercent: String(type.defaultPercent),
          monthlyCeiling: oreToKronorInput(type.monthlyCeilingOre),
          notes: type.notes ?? '',
        },
  });
  const err = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    setError(null);
    clearErrors();
    const ceiling = kronorInputToOre(v.monthlyCeiling);
    const problems = new Map<string, string>();
    if (ceiling !== null && Number.isNaN(ceiling)) problems.set('monthlyCeiling', t('subsidyTypes.kronorInvalid'));
    const parsed = subsidyTypeInput.safeParse({
      name: v.name,
      maxMonths: num(v.maxMonths),
      defaultPercent: num(v.defaultPercent),
      monthlyCeilingOre: ceiling ?? undefined,
      notes: v.notes,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const field = FIELD_MAP[key] ?? key;
        if (!problems.has(field)) problems.set(field, issue.message);
      }
    }
    if (problems.size > 0 || !parsed.success) {
      for (const [field, message] of problems) setFieldError(field as Path<Values>, { type: 'client', message });
      return;
    }
    try {
      if (isNew) await create.mutateAsync(parsed.data);
      else await update.mutateAsync({ ...parsed.data, id: type.id });
      onClose();
    } catch (e) {
      setError(serverErrorToForm(e, setFieldError, FIELDS, FIELD_MAP));
    }
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="subsidy-type-title">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <DialogTitle id="subsidy-type-title">
          {isNew ? t('subsidyTypes.dialogNew') : t('subsidyTypes.dialogEdit', { name: type.name })}
        </DialogTitle>
        <DialogContent>
          <ErrorAlert error={error} />
          {!isNew && type.usedByPlacements > 0 && (
            <DialogContentText sx={{ mb: 2 }}>{t('subsidyTypes.editNote')}</DialogContentText>
          )}
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField
              label={t('subsidyTypes.name')}
              required
              autoFocus
              error={Boolean(err.name)}
              helperText={err.name?.message ?? t('subsidyTypes.nameHelp')}
              {...register('name')}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
              <TextField
                label={t('subsidyTypes.maxMonths')}
                required
                type="number"
                slotProps={{ htmlInput: { min: 1, max: 120 } }}
                error={Boolean(err.maxMonths)}
                helperText={err.maxMonths?.message ?? t('subsidyTypes.maxMonthsHelp')}
                {...register('maxMonths')}
              />
              <TextField
                label={t('subsidyTypes.percent')}
                required
                type="number"
                slotProps={{ htmlInput: { min: 0, max: 100 } }}
                error={Boolean(err.defaultPercent)}
                helperText={err.defaultPercent?.message ?? t('subsidyTypes.percentHelp')}
                {...register('defaultPercent')}
              />
            </Stack>
            <TextField
              label={t('subsidyTypes.ceilingKr')}
              required
              inputMode="decimal"
              error={Boolean(err.monthlyCeiling)}
              helperText={err.monthlyCeiling?.message ?? t('subsidyTypes.ceilingHelp')}
              {...register('monthlyCeiling')}
            />
            <TextField
              label={t('subsidyTypes.notes')}
              multiline
              minRows={3}
              error={Boolean(err.notes)}
              helperText={err.notes?.message}
              {...register('notes')}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {isNew ? t('subsidyTypes.create') : t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** '/admin/subventionstyper': the subsidy types (docs/product.md §3) — data the admin maintains, never constants in code. */
export function SubsidyTypesPage() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<SubsidyType | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<SubsidyType | null>(null);
  const list = useRpcQuery('subsidyTypes.list', { includeInactive: showInactive });
  const setActive = useRpcMutation('subsidyTypes.setActive', { invalidates: ['subsidyTypes.'] });
  const { mutate: activate } = setActive;

  const columns = useMemo<GridColDef<SubsidyType>[]>(
    () => [
      {
        field: 'name',
        headerName: t('subsidyTypes.col.name'),
        flex: 1.4,
        minWidth: 240,
        renderCell: (p) => (
          <Box sx={{ lineHeight: 1.35, py: 1 }}>
            <Typography sx={{ fontWeight: 600 }}>{p.row.name}</Typography>
            {p.row.notes && (
              <Typography variant="body2" color="text.secondary" component="div">
                {p.row.notes}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'maxMonths',
        headerName: t('subsidyTypes.col.maxMonths'),
        width: 130,
        type: 'number',
        valueFormatter: (v: number) => t('subsidyTypes.monthsValue', { count: v }),
      },
      {
        field: 'defaultPercent',
        headerName: t('subsidyTypes.col.percent'),
        width: 110,
        type: 'number',
        valueFormatter: (v: number) => `${v} %`,
      },
      {
        field: 'monthlyCeilingOre',
        headerName: t('subsidyTypes.col.ceiling'),
        width: 150,
        type: 'number',
        valueFormatter: (v: number) => kronor(v),
      },
      {
        field: 'usedByPlacements',
        headerName: t('subsidyTypes.col.used'),
        width: 190,
        sortable: false,
        valueGetter: (_v, r) =>
          t('subsidyTypes.usedValue', { placements: r.usedByPlacements, positions: r.usedByPositions }),
      },
      {
        field: 'active',
        headerName: t('subsidyTypes.col.status'),
        width: 110,
        renderCell: (p) => (
          <Chip
            size="small"
            variant="outlined"
            color={p.row.active ? 'success' : 'default'}
            label={p.row.active ? t('subsidyTypes.active') : t('subsidyTypes.inactive')}
          />
        ),
      },
      {
        field: 'actions',
        type: 'actions',
        headerName: t('subsidyTypes.col.actions'),
        width: 90,
        getActions: (p) => [
          <GridActionsCellItem
            key="edit"
            label={t('subsidyTypes.edit')}
            showInMenu
            onClick={() => setEditing(p.row)}
          />,
          p.row.active ? (
            <GridActionsCellItem
              key="deactivate"
              label={t('subsidyTypes.deactivate')}
              showInMenu
              onClick={() => setDeactivating(p.row)}
            />
          ) : (
            <GridActionsCellItem
              key="activate"
              label={t('subsidyTypes.activate')}
              showInMenu
              onClick={() => activate({ id: p.row.id, active: true })}
            />
          ),
        ],
      },
    ],
    [t, activate],
  );

  return (
    <>
      <PageHeader
        title={t('subsidyTypes.title')}
        lead={t('subsidyTypes.lead')}
        actions={
          <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
            {t('subsidyTypes.new')}
          </Button>
        }
      />
      <Paper sx={{ p: 2, mb: 2 }} component="section" aria-label={t('common.filter')}>
        <FormControlLabel
          control={<Switch checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />}
          label={t('subsidyTypes.showInactive')}
        />
      </Paper>
      <ErrorAlert error={list.error ?? (deactivating ? null : setActive.error)} />
      <Alert severity="info" sx={{ mb: 2 }}>
        {t('subsidyTypes.info')}
      </Alert>
      <Paper>
        <DataGrid
          aria-label={t('subsidyTypes.gridLabel')}
          rows={list.data ?? []}
          columns={columns}
          loading={list.isLoading}
          autoHeight
          disableRowSelectionOnClick
          getRowHeight={() => 'auto'}
          hideFooter={(list.data?.length ?? 0) <= 25}
          localeText={gridLocale(t('subsidyTypes.empty'))}
          sx={{ border: 0, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } }}
        />
      </Paper>
      {editing && <SubsidyTypeDialog type={editing} onClose={() => setEditing(null)} />}
      {deactivating && (
        <Dialog
          open
          onClose={() => setDeactivating(null)}
          maxWidth="xs"
          fullWidth
          aria-labelledby="deactivate-title"
          aria-describedby="deactivate-text"
        >
          <DialogTitle id="deactivate-title">
            {t('subsidyTypes.confirmDeactivate', { name: deactivating.name })}
          </DialogTitle>
          <DialogContent>
            <ErrorAlert error={setActive.error} />
            <DialogContentText id="deactivate-text">{t('subsidyTypes.confirmDeactivateText')}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDeactivating(null)}>{t('common.cancel')}</Button>
            <Button
              variant="contained"
              disabled={setActive.isPending}
              onClick={() =>
                setActive.mutate({ id: deactivating.id, active: false }, { onSuccess: () => setDeactivating(null) })
              }
            >
              {t('subsidyTypes.deactivate')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}

import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import {
  EMPLOYMENT_FORMS,
  POSITION_KINDS,
  type EmploymentForm,
  type PositionKind,
} from '../../../shared/domain/position';
import { useRpcQuery } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { paths } from '../../app/paths';
import { DataTable, ErrorAlert, PageHeader, SectionTabs, useGridState, useSearchText } from '../../components';
import { SORTABLE, usePositionColumns, type StatusFilter } from './positionColumns';
import { PositionFilters } from './PositionFilters';
import { PositionDialog } from './PositionDialog';
import './i18n';

/** How many positions the list fetches at once; sorting and paging happen in the grid (through the address). */
const FETCH_LIMIT = 1000;

/** The two tabs of the catalogue: positions and workplaces (links, so each has its own address). */
export function CatalogueTabs({ value }: { value: 'positions' | 'workplaces' }) {
  const { t } = useTranslation();
  return (
    <SectionTabs
      label={t('positions.tabs.label')}
      value={value}
      tabs={[
        { key: 'positions', label: t('positions.tabs.positions'), to: paths.positions },
        { key: 'workplaces', label: t('positions.tabs.workplaces'), to: paths.workplaces },
      ]}
    />
  );
}

/** The position catalogue: filters, the list with computed free slots, and (for the admin) a new position. */
export function PositionsPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const isAdmin = hasRole('admin');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const grid = useGridState({ sortable: SORTABLE, defaultSort: { column: 'workplaceName' }, defaultPageSize: 25 });
  const [searchText, setSearchText] = useSearchText(grid, 'sok');

  const search = grid.filter('sok');
  const kindParam = grid.filter('typ');
  const kind = (POSITION_KINDS as readonly string[]).includes(kindParam) ? (kindParam as PositionKind) : '';
  const formParam = grid.filter('form');
  const form = (EMPLOYMENT_FORMS as readonly string[]).includes(formParam) ? (formParam as EmploymentForm) : '';
  const workplaceId = Number(grid.filter('arbetsplats')) || null;
  const statusParam = grid.filter('status');
  const status: StatusFilter = statusParam === 'inactive' || statusParam === 'all' ? statusParam : 'active';
  const onlyFree = grid.filter('lediga') === '1';

  const workplaces = useRpcQuery('workplaces.list', { includeInactive: true });
  const list = useRpcQuery(
    'positions.list',
    {
      ...(search.trim() ? { search: search.trim() } : {}),
      ...(kind ? { kind } : {}),
      ...(form ? { employmentForm: form } : {}),
      ...(workplaceId ? { workplaceId } : {}),
      status,
      onlyWithFreeSlots: onlyFree,
      offset: 0,
      limit: FETCH_LIMIT,
    },
    { placeholderData: (prev) => prev },
  );

  const columns = usePositionColumns(status);

  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('positions.list.title')}
        lead={t('positions.list.lead')}
        actions={
          isAdmin ? (
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
              {t('positions.list.newPosition')}
            </Button>
          ) : undefined
        }
      />
      <CatalogueTabs value="positions" />
      <PositionFilters
        grid={grid}
        searchText={searchText}
        onSearchText={setSearchText}
        workplaces={workplaces.data ?? []}
      />
      <ErrorAlert error={list.error ?? workplaces.error} />
      {total > rows.length && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('positions.list.truncated', { shown: rows.length, total })}
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} role="status">
        {list.data ? t('positions.list.count', { count: total }) : ''}
      </Typography>
      <DataTable
        label={t('positions.list.gridLabel')}
        rows={rows}
        columns={columns}
        state={grid}
        loading={list.isLoading}
        empty={isAdmin ? t('positions.list.empty') : t('positions.list.emptyReadonly')}
      />
      {creating && (
        <PositionDialog
          position="new"
          defaultWorkplaceId={workplaceId ?? undefined}
          onClose={() => setCreating(false)}
          onSaved={(p) => void navigate(paths.position(p.id))}
        />
      )}
    </>
  );
}

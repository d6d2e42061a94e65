import { Navigate, Route, Routes } from 'react-router';
import { ContractDetailPage } from './ContractDetailPage';
import { ContractQueuePage } from './ContractQueuePage';
import { ContractsListPage } from './ContractsListPage';
import { CONTRACTS_BASE } from './parts';
import './i18n';

/** '/avtal/*': HR's queue, the contracts with batch export, and one contract version. */
export function ContractsSection() {
  return (
    <Routes>
      <Route index element={<ContractQueuePage />} />
      <Route path="alla" element={<ContractsListPage />} />
      <Route path=":id" element={<ContractDetailPage />} />
      <Route path="*" element={<Navigate to={CONTRACTS_BASE} replace />} />
    </Routes>
  );
}

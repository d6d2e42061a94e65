import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';

export interface TabLink<K extends string = string> {
  key: K;
  label: ReactNode;
  to: string;
  /** Left out for roles that do not use it. */
  hidden?: boolean;
}

/** The parts of a section as tabs that are links (each part has its own address; Back works). */
export function SectionTabs<K extends string>({
  label,
  value,
  tabs,
}: {
  label: string;
  value: K;
  tabs: readonly TabLink<K>[];
}) {
  return (
    <Tabs value={value} aria-label={label} variant="scrollable" sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
      {tabs
        .filter((x) => !x.hidden)
        .map((x) => (
          <Tab key={x.key} value={x.key} label={x.label} component={RouterLink} to={x.to} />
        ))}
    </Tabs>
  );
}

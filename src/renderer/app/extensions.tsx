import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { Role } from '../../shared/domain/roles';
import type { Position } from '../../shared/domain/position';
import { useAuth } from './auth';

/**
 * Places where one area shows a part that belongs to another, without importing it (pages of one area never import
 * another area; lint enforces it). The area that owns the part contributes it in its section entry
 * (sections.tsx); the page that shows it renders `<Extensions point="…" …props />`.
 */
export interface ExtensionPoints {
  /** A role's widgets on the start page, in the order of the section table. */
  'start.widget': object;
  /** Panels below a position's facts (matching's candidates and the position's proposals). */
  'position.detail': { position: Position };
}

export type ExtensionPoint = keyof ExtensionPoints;

export interface Contribution<P extends ExtensionPoint = ExtensionPoint> {
  point: P;
  /** A stable key (React key and test hook). */
  key: string;
  /** Shown to these roles only (the main process enforces the same on every procedure it calls). */
  roles: readonly Role[];
  component: ComponentType<ExtensionPoints[P]>;
}
type AnyContribution = Omit<Contribution, 'component'> & { component: ComponentType<never> };

/** A section as the menu and the start page's shortcuts show it (from the section table). */
export interface MenuEntry {
  key: string;
  path: string;
  icon: ComponentType;
  group: 'main' | 'admin';
}

interface AppParts {
  contributions: readonly AnyContribution[];
  /** The sections the signed-in user may open, in table order. */
  menu: readonly MenuEntry[];
}

const ExtensionsContext = createContext<AppParts>({ contributions: [], menu: [] });

export function ExtensionsProvider({ value, children }: { value: AppParts; children: ReactNode }) {
  return <ExtensionsContext.Provider value={value}>{children}</ExtensionsContext.Provider>;
}

/** The menu's entries for the signed-in user (the start page shows them as shortcuts). */
export function useMenu(): readonly MenuEntry[] {
  return useContext(ExtensionsContext).menu;
}

/** The contributions to a point that the signed-in user's roles may see. */
export function useContributions<P extends ExtensionPoint>(point: P): Contribution<P>[] {
  const all = useContext(ExtensionsContext).contributions;
  const { user } = useAuth();
  const roles = user?.roles ?? [];
  return all.filter((c) => c.point === point && c.roles.some((r) => roles.includes(r))) as unknown as Contribution<P>[];
}

/** Renders every contribution to a point with the point's props. */
export function Extensions<P extends ExtensionPoint>({ point, ...props }: { point: P } & ExtensionPoints[P]) {
  const list = useContributions(point);
  return (
    <>
      {list.map((c) => {
        const C = c.component as ComponentType<ExtensionPoints[P]>;
        return <C key={c.key} {...(props as unknown as ExtensionPoints[P])} />;
      })}
    </>
  );
}

/** A contribution, typed by its point. */
export const contribute = <P extends ExtensionPoint>(c: Contribution<P>): AnyContribution =>
  c as unknown as AnyContribution;

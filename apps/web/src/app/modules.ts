import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Me } from '../api/types';
import { dashboardModule } from '../modules/dashboards/module';
import { engagementModule } from '../modules/engagements/module';
import { notificationModule } from '../modules/notifications/module';
import { piiModule } from '../modules/pii/module';
import { programmeModule } from '../modules/programmes/module';
import { proposalModule } from '../modules/proposals/module';
import { roadmapModule } from '../modules/roadmaps/module';
import { statisticsModule } from '../modules/statistics/module';
import { taskModule } from '../modules/tasks/module';

/** An entry of the side navigation contributed by a feature module. */
export interface ModuleMenuItem {
  /** First segment of the path, used to highlight the entry (e.g. "programmes"). */
  key: string;
  path: string;
  icon: ReactNode;
  /** i18n key of the label. */
  label: string;
  /** Position in the coordination group (lower first). */
  order: number;
  /** Shown only when this returns true (default: always). */
  visible?: (me: Me) => boolean;
}

/** What a feature module adds to the application shell. */
export interface FeatureModule {
  /** Child routes of the signed-in shell (paths without a leading slash). */
  routes: RouteObject[];
  /** Entries of the navigation: the "Phối hợp" (coordination) group unless `menuGroup` is set. */
  menu: ModuleMenuItem[];
  /** A navigation group of the module's own, shown after the coordination group. */
  menuGroup?: { key: string; /** i18n key of the group's title. */ label: string };
  /** Something the module shows in the header (e.g. the notification bell). */
  headerExtra?: () => ReactNode;
}

export const FEATURE_MODULES: FeatureModule[] = [
  dashboardModule,
  programmeModule,
  engagementModule,
  taskModule,
  proposalModule,
  roadmapModule,
  notificationModule,
  statisticsModule,
  piiModule,
];

import type { FeatureModule } from '../../app/modules';

export const dashboardModule: FeatureModule = { routes: [], menu: [] };

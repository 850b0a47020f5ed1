import { createResource } from 'solid-js';
import { api, type DashboardQuery } from '../api/client';

/** The municipality's aggregates for a filter; the API keeps them incrementally. */
export function createDashboard(query: () => DashboardQuery) {
  const [dashboard, { refetch }] = createResource(query, api.dashboard);
  return { dashboard, refetch };
}

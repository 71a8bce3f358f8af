// Every table, for the typed query builder. Each feature owns its tables in its own folder.

export * from '../features/account-requests/account-requests.table.ts';
export * from '../features/actions/action-design.table.ts';
export * from '../features/actions/action-requests.table.ts';
export * from '../features/actions/actions.table.ts';
export * from '../features/activities/activities.table.ts';
export * from '../features/auth/auth.table.ts';
export * from '../features/deliverables/deliverables.table.ts';
export * from '../features/events/events.table.ts';
export * from '../features/experts/deployments.table.ts';
export * from '../features/experts/experts.table.ts';
export * from '../features/iati/iati.table.ts';
export * from '../features/institutions/institutions.table.ts';
export * from '../features/library/library.table.ts';
export * from '../features/notifications/notifications.table.ts';
export * from '../features/participants/participants.table.ts';
export * from '../features/requests/requests.table.ts';
export * from '../features/results/learning.table.ts';
export * from '../features/results/results.table.ts';
export * from '../features/taxonomy/taxonomy.table.ts';
export * from '../kernel/audit/audit.table.ts';
export * from '../kernel/cache/cache.table.ts';
export * from '../kernel/files/files.table.ts';
export * from '../kernel/settings/settings.table.ts';

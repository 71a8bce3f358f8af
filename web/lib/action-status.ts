// The one list of Action statuses, shared with the server.
export { type ActionStatus, actionStatuses } from '../../server/features/actions/action-statuses.ts';

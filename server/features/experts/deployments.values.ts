// The value lists of deployments (its database enums), free of the database library so that the
// contracts, which the browser imports too, can use them.

export const deploymentRoles = ['lead_expert', 'expert', 'trainer', 'facilitator'] as const;

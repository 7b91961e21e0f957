/** The supervisor's dashboard: its schema, the facts it is folded from and the aggregation. */
export * from './model';
export * from './facts';
export * from './build';
export * from './hours';

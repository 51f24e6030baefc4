export * from './domain-error';
export * from './ids';
export * from './identifiers';
export * from './decimal';
export * from './domain-event';
export * from './tenant-context';
export * from './calendar-date';

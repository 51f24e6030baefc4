export * from './file-key';
export * from './file-store';
export * from './storage.module';
export * from './zip';

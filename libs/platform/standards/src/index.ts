export * from './standards';

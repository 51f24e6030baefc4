export * from './standards';
export * from './xsd';

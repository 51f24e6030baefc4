export * from './page-geometry';
export * from './pdf-errors';
export * from './pdf-inspection';
export * from './pdf-renderer';
export * from './pdf.module';

export * from './accounting.module';
export * from './settings/accounting-defaults';
export * from './settings/accounting-settings.entity';
export * from './settings/accounting-settings.service';
export * from './export/fec-export.service';
export * from './fec/fec-checker';
export * from './fec/fec-format';

import { AccountingSettingsEntity } from './settings/accounting-settings.entity';
export const ACCOUNTING_ENTITIES = [AccountingSettingsEntity];

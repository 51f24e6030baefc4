import { AUTH_ENTITIES } from '@comptoir/platform/auth';
import { DATABASE_LIB_ENTITIES } from '@comptoir/platform/database';
import { MailMessageEntity } from '@comptoir/platform/notify';
import { BILLING_ENTITIES } from '@comptoir/billing';
import { BANKING_ENTITIES } from '@comptoir/banking';
import { ACCOUNTING_ENTITIES } from '@comptoir/accounting';
import { EINVOICING_ENTITIES } from '@comptoir/einvoicing';
import { CATALOG_ENTITIES } from '@comptoir/catalog';
import { CRM_ENTITIES } from '@comptoir/crm';
import { LEDGER_ENTITIES } from '@comptoir/ledger-lock';
import { ORG_ENTITIES } from '@comptoir/org';

/** Every mapped table, shared by the API, the worker, the migration CLI and the drift test. */
export const ENTITIES = [...DATABASE_LIB_ENTITIES, MailMessageEntity, ...AUTH_ENTITIES, ...ORG_ENTITIES, ...CRM_ENTITIES, ...LEDGER_ENTITIES, ...CATALOG_ENTITIES, ...BILLING_ENTITIES, ...BANKING_ENTITIES, ...ACCOUNTING_ENTITIES, ...EINVOICING_ENTITIES];

import { Initial1763900000000 } from './1763900000000-Initial';
import { TenancyAndSearch1763900000001 } from './1763900000001-TenancyAndSearch';
import { ContactPrimary1795475498336 } from './1795475498336-ContactPrimary';
import { AccountSearchText1795475600000 } from './1795475600000-AccountSearchText';
import { SearchUnderRowLevelSecurity1795475700000 } from './1795475700000-SearchUnderRowLevelSecurity';
import { Catalog1795480000000 } from './1795480000000-Catalog';
import { LedgerLock1795480100000 } from './1795480100000-LedgerLock';
import { Billing1795480200000 } from './1795480200000-Billing';
import { EstablishmentLogo1795480300000 } from './1795480300000-EstablishmentLogo';
import { PendingOriginals1795480400000 } from './1795480400000-PendingOriginals';
import { Payments1795491016969 } from './1795491016969-Payments';
import { Deposits1795492100000 } from './1795492100000-Deposits';
import { ReceivablesIndexes1795492200000 } from './1795492200000-ReceivablesIndexes';
import { Dunning1795492300000 } from './1795492300000-Dunning';
import { Banking1795492400000 } from './1795492400000-Banking';
import { Stripe1795492500000 } from './1795492500000-Stripe';
import { Accounting1795492600000 } from './1795492600000-Accounting';
import { ReceivablesPerformance1795492700000 } from './1795492700000-ReceivablesPerformance';
import { EInvoicing1795493000000 } from './1795493000000-EInvoicing';
import { EInvoicePlatformCallbacks1795493300000 } from './1795493300000-EInvoicePlatformCallbacks';

/** Applied in this order; never edit one that has shipped, add a new one. */
export const MIGRATIONS = [Initial1763900000000, TenancyAndSearch1763900000001, ContactPrimary1795475498336, AccountSearchText1795475600000, SearchUnderRowLevelSecurity1795475700000, Catalog1795480000000, LedgerLock1795480100000, Billing1795480200000, EstablishmentLogo1795480300000, PendingOriginals1795480400000, Payments1795491016969, Deposits1795492100000, ReceivablesIndexes1795492200000, Dunning1795492300000, Banking1795492400000, Stripe1795492500000, Accounting1795492600000, ReceivablesPerformance1795492700000, EInvoicing1795493000000, EInvoicePlatformCallbacks1795493300000];

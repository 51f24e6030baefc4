import { Initial1763900000000 } from './1763900000000-Initial';
import { TenancyAndSearch1763900000001 } from './1763900000001-TenancyAndSearch';

/** Applied in this order; never edit one that has shipped, add a new one. */
export const MIGRATIONS = [Initial1763900000000, TenancyAndSearch1763900000001];

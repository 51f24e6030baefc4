import type { operations, Schemas } from '@comptoir/api-client';

/** Catalog resources as the contract declares them (openapi.json → @comptoir/api-client). */
export type Product = Schemas['ProductResponseDto'];
export type ProductBody = Schemas['CreateProductDto'];
export type ProductType = Product['type'];
export type SupplierProduct = Schemas['ProductSupplierDto'];
export type VatRate = Schemas['VatRateResponseDto'];
export type VatRateBody = Schemas['CreateVatRateDto'];
export type PriceListSummary = Schemas['PriceListSummaryDto'];
export type PriceList = Schemas['PriceListResponseDto'];
export type PriceListBody = Schemas['CreatePriceListDto'];
export type PriceListItem = Schemas['PriceListItemDto'];
export type CustomerPrice = Schemas['CustomerPriceResponseDto'];
export type CustomerPriceBody = Schemas['CreateCustomerPriceDto'];
export type ProductFilters = Omit<NonNullable<operations['listProducts']['parameters']['query']>, 'limit' | 'cursor'>;

export const PRODUCT_TYPES: ProductType[] = ['service', 'goods'];
/** Built-in units of sale (GET /api/v1/units): labels are in the i18n catalogue. */
export const UNITS = ['hour', 'minute', 'day', 'week', 'month', 'quarter', 'semester', 'year', 'piece', 'dozen', 'lump_sum', 'g', 'kg', 't', 'mm', 'cm', 'm', 'km', 'm2', 'm3', 'ml', 'l', 'kwh'] as const;

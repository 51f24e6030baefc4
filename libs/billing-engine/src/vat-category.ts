/** EN 16931 VAT category codes (UNCL5305 subset allowed by BR-FR-15): the one list validators and types share. */
export const VAT_CATEGORY_CODES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] as const;
export type VatCategoryCode = (typeof VAT_CATEGORY_CODES)[number];

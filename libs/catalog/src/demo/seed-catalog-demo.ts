import { TenantContext } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { CustomerPriceService } from '../customer-price/customer-price.service';
import { AccountPriceListService } from '../price-list/account-price-list.service';
import { PriceListService } from '../price-list/price-list.service';
import { CreateProductDto } from '../product/dto/product.dto';
import { eanCheckDigit } from '../product/ean';
import { ProductService } from '../product/product.service';

const ECO = (value: string) => [{ label: 'Éco-participation', mode: 'fixed' as const, value, vatRate: '20.00' }];
const ean = (stem: string) => `${stem}${eanCheckDigit(stem)}`;

type DemoProduct = Omit<CreateProductDto, 'suppliers'> & { supplierPrice?: string };

/** A home-services and maintenance company's catalogue: services by the hour, lump sums, subscriptions, goods. */
const PRODUCTS: DemoProduct[] = [
  { reference: 'MEN-H', name: 'Heure de ménage', description: 'Ménage et entretien courant du logement', unit: 'hour', unitPrice: '28.00', vatRate: '20.00', salesAccount: '706000' },
  { reference: 'REP-H', name: 'Heure de repassage', unit: 'hour', unitPrice: '28.00', vatRate: '20.00', salesAccount: '706000' },
  { reference: 'JAR-H', name: 'Heure de jardinage', description: 'Tonte, taille de haies, désherbage', unit: 'hour', unitPrice: '32.00', vatRate: '20.00', salesAccount: '706000' },
  { reference: 'BRIC-H', name: 'Petit bricolage (heure)', unit: 'hour', unitPrice: '35.00', vatRate: '20.00', salesAccount: '706000' },
  { reference: 'GARD-H', name: "Garde d'enfants à domicile (heure)", unit: 'hour', unitPrice: '24.50', vatRate: '20.00', salesAccount: '706000' },
  { reference: 'SOUT-H', name: 'Soutien scolaire (heure)', unit: 'hour', unitPrice: '38.00', vatRate: '20.00', salesAccount: '706000' },
  { reference: 'ENT-CHAU', name: 'Forfait entretien chaudière gaz', description: 'Contrôle annuel obligatoire, nettoyage, attestation', unit: 'lump_sum', unitPrice: '129.00', vatRate: '10.00', salesAccount: '706100' },
  { reference: 'RAMON', name: 'Ramonage conduit de cheminée', unit: 'lump_sum', unitPrice: '75.00', vatRate: '10.00', salesAccount: '706100' },
  { reference: 'DEPL', name: 'Déplacement', description: 'Forfait déplacement dans un rayon de 20 km', unit: 'lump_sum', unitPrice: '35.00', vatRate: '20.00', salesAccount: '708500' },
  { reference: 'DEPL-KM', name: 'Frais kilométriques', unit: 'km', unitPrice: '0.6000', vatRate: '20.00', salesAccount: '708500' },
  { reference: 'ABO-MAINT', name: 'Abonnement maintenance mensuel', description: 'Visite préventive, dépannage prioritaire sous 48 h', unit: 'month', unitPrice: '39.90', vatRate: '20.00', salesAccount: '706200' },
  { reference: 'ABO-MULTI', name: 'Contrat maintenance multi-sites', unit: 'year', unitPrice: '1490.00', vatRate: '20.00', salesAccount: '706200' },
  { reference: 'ABO-TLS', name: 'Abonnement télésurveillance', unit: 'month', unitPrice: '24.90', vatRate: '20.00', salesAccount: '706200' },
  { reference: 'DPE', name: 'Diagnostic de performance énergétique', unit: 'lump_sum', unitPrice: '180.00', vatRate: '20.00', salesAccount: '706000' },
  { reference: 'VITRES-M2', name: 'Nettoyage de vitres', unit: 'm2', unitPrice: '3.50', vatRate: '20.00', salesAccount: '706000' },
  { reference: 'FORM-J', name: 'Journée de formation gestes et postures', unit: 'day', unitPrice: '650.00', vatRate: '20.00', salesAccount: '706300' },
  { reference: 'PAC-INST', name: 'Installation pompe à chaleur air/eau', description: 'Travaux de rénovation énergétique (taux réduit)', unit: 'lump_sum', unitPrice: '2400.00', vatRate: '5.50', salesAccount: '704000' },
  { reference: 'ISOL-M2', name: 'Isolation des combles perdus', unit: 'm2', unitPrice: '25.00', vatRate: '5.50', salesAccount: '704000' },
  { reference: 'FILT-AIR', name: 'Filtre à air', type: 'goods', unit: 'piece', unitPrice: '12.90', costPrice: '6.20', supplierPrice: '6.20', vatRate: '20.00', ean: ean('376012345001'), stockManaged: true, reorderThreshold: '20', otherTaxes: ECO('0.10'), salesAccount: '707000', purchaseAccount: '607000' },
  { reference: 'THERMO-WIFI', name: 'Thermostat programmable connecté', type: 'goods', unit: 'piece', unitPrice: '149.00', costPrice: '92.00', supplierPrice: '92.00', vatRate: '20.00', ean: ean('376012345002'), stockManaged: true, reorderThreshold: '3', otherTaxes: ECO('0.25'), salesAccount: '707000', purchaseAccount: '607000' },
  { reference: 'DAAF', name: 'Détecteur de fumée', type: 'goods', unit: 'piece', unitPrice: '19.90', costPrice: '8.50', supplierPrice: '8.50', vatRate: '20.00', ean: ean('376012345003'), stockManaged: true, reorderThreshold: '10', otherTaxes: ECO('0.05'), salesAccount: '707000', purchaseAccount: '607000' },
  { reference: 'LED-E27', name: 'Ampoule LED E27 806 lm', type: 'goods', unit: 'piece', unitPrice: '7.90', costPrice: '2.90', supplierPrice: '2.90', vatRate: '20.00', ean: ean('376012345004'), stockManaged: true, reorderThreshold: '50', otherTaxes: ECO('0.02'), salesAccount: '707000', purchaseAccount: '607000' },
  { reference: 'NETT-1L', name: 'Nettoyant multi-surfaces écologique 1 L', type: 'goods', unit: 'piece', unitPrice: '6.50', costPrice: '2.40', vatRate: '20.00', stockManaged: true, salesAccount: '707000', purchaseAccount: '607000' },
  { reference: 'GRAN-15', name: 'Granulés de bois (sac de 15 kg)', type: 'goods', unit: 'piece', unitPrice: '7.50', costPrice: '5.10', vatRate: '10.00', stockManaged: true, reorderThreshold: '100', salesAccount: '707000', purchaseAccount: '607000' },
  { reference: 'GUIDE-MAISON', name: "Guide pratique de l'entretien de la maison", type: 'goods', unit: 'piece', unitPrice: '18.00', costPrice: '11.00', vatRate: '5.50', ean: ean('978201234567'), salesAccount: '707000', purchaseAccount: '607000' },
];

export interface CatalogDemo {
  productIds: Record<string, string>;
  priceListId: string | null;
}

/**
 * Demo catalogue for a company, in one transaction, through the same use cases as the API: 25 products
 * and services (French VAT rates 20, 10 and 5.5 %, eco-participation on appliances), the company's first
 * supplier account on the goods it stocks, a "syndics et bailleurs" price list assigned to the first
 * customer, and two customer-specific prices. Returns null when the company already has products.
 */
export async function seedCatalogDemo(db: TenantDb, ctx: TenantContext): Promise<CatalogDemo | null> {
  const products = new ProductService(db);
  return db.transaction(ctx, async (tx) => {
    const [existing] = await tx.manager.query(`SELECT 1 FROM products WHERE company_id = $1 LIMIT 1`, [ctx.companyId]);
    if (existing) return null;
    const supplierId = await nthAccountWithRole(tx, 'supplier', 0);
    const productIds: Record<string, string> = {};
    for (const { supplierPrice, ...product } of PRODUCTS) {
      const suppliers = supplierId && supplierPrice ? [{ supplierAccountId: supplierId, supplierPrice, supplierReference: `F-${product.reference}`, minimumOrderQuantity: '10' }] : [];
      productIds[product.reference] = (await products.createIn(tx, { ...product, suppliers })).product.id;
    }

    const [first, second] = [await nthAccountWithRole(tx, 'customer', 0), await nthAccountWithRole(tx, 'customer', 1)];
    if (!first) return { productIds, priceListId: null };
    const priceList = await new PriceListService(db).createIn(tx, {
      name: 'Tarif syndics et bailleurs',
      items: [
        { productId: productIds['MEN-H']!, unitPrice: '25.00' },
        { productId: productIds['ENT-CHAU']!, unitPrice: '115.00' },
        { productId: productIds['ABO-MAINT']!, discountPercent: '10' },
        { productId: productIds['DEPL']!, discountPercent: '50' },
      ],
    });
    await new AccountPriceListService(db).assignIn(tx, first, priceList.list.id);
    const customerPrices = new CustomerPriceService(db);
    await customerPrices.createIn(tx, { accountId: first, productId: productIds['FILT-AIR']!, discountPercent: '15' });
    if (second) {
      const january = `${new Date().getUTCFullYear()}-01-01`;
      await customerPrices.createIn(tx, { accountId: second, productId: productIds['ABO-MAINT']!, unitPrice: '35.00', validFrom: january });
    }
    return { productIds, priceListId: priceList.list.id };
  });
}

/** The n-th live account holding `role`, by name (the demo's accounts are created in a stable order). */
async function nthAccountWithRole(tx: TenantTx, role: 'customer' | 'supplier', n: number): Promise<string | null> {
  const rows: { id: string }[] = await tx.manager.query(
    `SELECT id FROM accounts WHERE company_id = $1 AND deleted_at IS NULL AND $2 = ANY(roles) ORDER BY name, id OFFSET $3 LIMIT 1`,
    [tx.ctx.companyId, role, n],
  );
  return rows[0]?.id ?? null;
}

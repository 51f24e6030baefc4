import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import frBase from './fr.json';
import enBase from './en.json';
import catalogFr from './catalog.fr.json';
import catalogEn from './catalog.en.json';
import salesFr from './sales.fr.json';
import salesEn from './sales.en.json';
import depositsFr from './deposits.fr.json';
import depositsEn from './deposits.en.json';
import ledgerFr from './ledger.fr.json';
import ledgerEn from './ledger.en.json';
import bankingFr from './banking.fr.json';
import bankingEn from './banking.en.json';
import stripeFr from './stripe.fr.json';
import stripeEn from './stripe.en.json';
import dunningFr from './dunning.fr.json';
import dunningEn from './dunning.en.json';
import receivablesFr from './receivables.fr.json';
import receivablesEn from './receivables.en.json';
import accountingFr from './accounting.fr.json';
import accountingEn from './accounting.en.json';
import paymentsFr from './payments.fr.json';
import paymentsEn from './payments.en.json';
import einvoicingFr from './einvoicing.fr.json';
import einvoicingEn from './einvoicing.en.json';

/** One catalogue per language, the sales modules in their own files (catalog, sales, ledger). */
const fr = { ...frBase, payments: paymentsFr, catalog: catalogFr, sales: salesFr, deposits: depositsFr, ledger: ledgerFr, banking: bankingFr, stripe: stripeFr, dunning: dunningFr, receivables: receivablesFr, accounting: accountingFr, einvoicing: einvoicingFr };

/** The English catalogue must hold every French key: the compiler checks it here. */
const en: typeof fr = { ...enBase, payments: paymentsEn, catalog: catalogEn, sales: salesEn, deposits: depositsEn, ledger: ledgerEn, banking: bankingEn, stripe: stripeEn, dunning: dunningEn, receivables: receivablesEn, accounting: accountingEn, einvoicing: einvoicingEn };

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'comptoir.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_KEY);
    return value === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'fr',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

function syncDocument(lng: string): void {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.name');
}

syncDocument(i18n.language);
i18n.on('languageChanged', (lng) => {
  syncDocument(lng);
  try {
    window.localStorage.setItem(LANGUAGE_KEY, lng);
  } catch {
    // ignore
  }
});

export default i18n;

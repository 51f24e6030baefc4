import { MantineProvider } from '@mantine/core';
import { lazy } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { isApiError } from '../lib/api';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LoginPage } from '../features/auth/LoginPage';
import { AppLayout } from '../features/shell/AppLayout';
import { NotFoundPage } from '../features/shell/NotFoundPage';
import { CustomerListPage } from '../features/customers/CustomerListPage';
import { CompanyProvider } from './company';
import { RequireSession } from './session';
import { salesRoutes } from '../features/sales/sales-routes';
import { theme } from './theme';

// Screens past the customer list load on demand, so the first paint only needs the shell and the list.
const CustomerDetailPage = lazy(() => import('../features/customers/CustomerDetailPage').then((m) => ({ default: m.CustomerDetailPage })));
const CustomerCreatePage = lazy(() => import('../features/customers/CustomerFormPage').then((m) => ({ default: m.CustomerCreatePage })));
const CustomerEditPage = lazy(() => import('../features/customers/CustomerFormPage').then((m) => ({ default: m.CustomerEditPage })));
const CompaniesPage = lazy(() => import('../features/settings/CompaniesPage').then((m) => ({ default: m.CompaniesPage })));
const BankAccountsPage = lazy(() => import('../features/banking/BankAccountsPage').then((m) => ({ default: m.BankAccountsPage })));
const SepaBatchesPage = lazy(() => import('../features/banking/SepaBatchesPage').then((m) => ({ default: m.SepaBatchesPage })));
const EstablishmentsPage = lazy(() => import('../features/settings/EstablishmentsPage').then((m) => ({ default: m.EstablishmentsPage })));
const SectorsPage = lazy(() => import('../features/settings/SectorsPage').then((m) => ({ default: m.SectorsPage })));
const UsersPage = lazy(() => import('../features/settings/UsersPage').then((m) => ({ default: m.UsersPage })));
const ProductListPage = lazy(() => import('../features/catalog/ProductListPage').then((m) => ({ default: m.ProductListPage })));
const ProductFormPage = lazy(() => import('../features/catalog/ProductFormPage').then((m) => ({ default: m.ProductFormPage })));
const PriceListsPage = lazy(() => import('../features/catalog/PriceListsPage').then((m) => ({ default: m.PriceListsPage })));
const VatRatesPage = lazy(() => import('../features/catalog/VatRatesPage').then((m) => ({ default: m.VatRatesPage })));
const NumberingPage = lazy(() => import('../features/ledger/NumberingPage').then((m) => ({ default: m.NumberingPage })));
const BillingSettingsPage = lazy(() => import('../features/ledger/BillingSettingsPage').then((m) => ({ default: m.BillingSettingsPage })));
const ClosingsPage = lazy(() => import('../features/ledger/ClosingsPage').then((m) => ({ default: m.ClosingsPage })));
const FecExportPage = lazy(() => import('../features/accounting/FecExportPage').then((m) => ({ default: m.FecExportPage })));
const AccountingSettingsPage = lazy(() => import('../features/accounting/AccountingSettingsPage').then((m) => ({ default: m.AccountingSettingsPage })));
const DunningPage = lazy(() => import('../features/dunning/DunningPage').then((m) => ({ default: m.DunningPage })));
const AgedReceivablesPage = lazy(() => import('../features/receivables/AgedReceivablesPage').then((m) => ({ default: m.AgedReceivablesPage })));
const PaymentListPage = lazy(() => import('../features/payments/PaymentListPage').then((m) => ({ default: m.PaymentListPage })));
const PaymentDetailPage = lazy(() => import('../features/payments/PaymentDetailPage').then((m) => ({ default: m.PaymentDetailPage })));
const CashFlowPage = lazy(() => import('../features/receivables/CashFlowPage').then((m) => ({ default: m.CashFlowPage })));
const DunningStepsPage = lazy(() => import('../features/dunning/DunningStepsPage').then((m) => ({ default: m.DunningStepsPage })));
const StripeSettingsPage = lazy(() => import('../features/stripe/StripeSettingsPage').then((m) => ({ default: m.StripeSettingsPage })));
const EInvoicingSettingsPage = lazy(() => import('../features/einvoicing/EInvoicingSettingsPage').then((m) => ({ default: m.EInvoicingSettingsPage })));
const EReportingPage = lazy(() => import('../features/einvoicing/EReportingPage').then((m) => ({ default: m.EReportingPage })));
const ApiKeysPage = lazy(() => import('../features/settings/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));

/** An expired session anywhere sends the session query back to the server, which then routes to login. */
function onUnauthenticated(error: unknown, key?: readonly unknown[]): void {
  if (!isApiError(error, 401) || key?.[2] === 'me') return;
  void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[2] === 'me' });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onUnauthenticated(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onUnauthenticated(error) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <CompanyProvider>
            <BrowserRouter>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  element={
                    <RequireSession>
                      <AppLayout />
                    </RequireSession>
                  }
                >
                  <Route index element={<Navigate to="/customers" replace />} />
                  <Route path="customers" element={<CustomerListPage />} />
                  <Route path="customers/new" element={<CustomerCreatePage />} />
                  <Route path="customers/:id" element={<CustomerDetailPage />} />
                  <Route path="customers/:id/edit" element={<CustomerEditPage />} />
                  <Route path="products" element={<ProductListPage />} />
                  <Route path="products/new" element={<ProductFormPage />} />
                  <Route path="products/:id" element={<ProductFormPage />} />
                  <Route path="price-lists" element={<PriceListsPage />} />
                  {salesRoutes()}
                  <Route path="payments" element={<PaymentListPage />} />
                  <Route path="payments/:id" element={<PaymentDetailPage />} />
                  <Route path="receivables/aged" element={<AgedReceivablesPage />} />
                  <Route path="receivables/cash-flow" element={<CashFlowPage />} />
                  <Route path="receivables/dunning" element={<DunningPage />} />
                  <Route path="receivables/dunning-steps" element={<DunningStepsPage />} />
                  <Route path="receivables/sepa" element={<SepaBatchesPage />} />
                  <Route path="ledger/closings" element={<ClosingsPage />} />
                  <Route path="accounting" element={<Navigate to="/accounting/fec" replace />} />
                  <Route path="accounting/fec" element={<FecExportPage />} />
                  <Route path="settings/vat-rates" element={<VatRatesPage />} />
                  <Route path="settings/numbering" element={<NumberingPage />} />
                  <Route path="settings/billing" element={<BillingSettingsPage />} />
                  <Route path="settings/bank" element={<BankAccountsPage />} />
                  <Route path="settings/stripe" element={<StripeSettingsPage />} />
                  <Route path="settings/accounting" element={<AccountingSettingsPage />} />
                  <Route path="settings/einvoicing" element={<EInvoicingSettingsPage />} />
                  <Route path="accounting/e-reporting" element={<EReportingPage />} />
                  <Route path="settings" element={<Navigate to="/settings/companies" replace />} />
                  <Route path="settings/companies" element={<CompaniesPage />} />
                  <Route path="settings/establishments" element={<EstablishmentsPage />} />
                  <Route path="settings/sectors" element={<SectorsPage />} />
                  <Route path="settings/users" element={<UsersPage />} />
                  <Route path="settings/api-keys" element={<ApiKeysPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </BrowserRouter>
          </CompanyProvider>
        </QueryClientProvider>
      </ErrorBoundary>
    </MantineProvider>
  );
}

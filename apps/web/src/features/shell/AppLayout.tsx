import { ActionIcon, AppShell, Avatar, Badge, Burger, Divider, Group, NavLink, ScrollArea, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useCompany } from '../../app/company';
import { useCan, useMe, useSignOut } from '../../app/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { IconBox, IconBuilding, IconCalendar, IconCart, IconFile, IconGrid, IconHash, IconHistory, IconKey, IconLock, IconLogout, IconMail, IconPercent, IconReceipt, IconSettings, IconShield, IconStore, IconTag, IconTruck, IconUsers } from '../../components/icons';
import { roleLabel } from '../settings/roles';
import { LoadingState } from '../../components/ui';
import { BrandMark } from './BrandMark';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  scope: string;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

function NavSection({ label, items, render }: { label: string; items: NavItem[]; render: (items: NavItem[]) => ReactNode[] }) {
  const links = render(items);
  if (!links.length) return null;
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="lg" pb={4}>
        {label}
      </Text>
      {links}
    </>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const can = useCan();
  const location = useLocation();
  const navigate = useNavigate();
  const { setCompanyId } = useCompany();
  const signOut = useSignOut();

  const crm: NavItem[] = [{ to: '/customers', label: t('nav.customers'), icon: <IconUsers />, scope: 'crm:read' }];
  const sales: NavItem[] = [
    { to: '/quotes', label: t('nav.quotes'), icon: <IconFile />, scope: 'billing:read' },
    { to: '/orders', label: t('nav.orders'), icon: <IconCart />, scope: 'billing:read' },
    { to: '/delivery-notes', label: t('nav.deliveryNotes'), icon: <IconTruck />, scope: 'billing:read' },
    { to: '/invoices', label: t('nav.invoices'), icon: <IconReceipt />, scope: 'billing:read' },
  ];
  const catalog: NavItem[] = [
    { to: '/products', label: t('nav.products'), icon: <IconBox />, scope: 'catalog:read' },
    { to: '/price-lists', label: t('nav.priceLists'), icon: <IconTag />, scope: 'catalog:read' },
  ];
  const receivables: NavItem[] = [
    { to: '/payments', label: t('payments.nav.payments'), icon: <IconReceipt />, scope: 'billing:read' },
    { to: '/receivables/aged', label: t('receivables.nav.aged'), icon: <IconHistory />, scope: 'billing:read' },
    { to: '/receivables/cash-flow', label: t('receivables.nav.cashFlow'), icon: <IconCalendar />, scope: 'billing:read' },
    { to: '/receivables/dunning', label: t('nav.dunning'), icon: <IconMail />, scope: 'billing:read' },
    { to: '/receivables/sepa', label: t('banking.nav.sepa'), icon: <IconFile />, scope: 'banking:read' },
  ];
  const ledger: NavItem[] = [{ to: '/ledger/closings', label: t('nav.closings'), icon: <IconShield />, scope: 'ledger:read' }];
  const accounting: NavItem[] = [
    { to: '/accounting/fec', label: t('accounting.nav.fec'), icon: <IconFile />, scope: 'ledger:read' },
    { to: '/accounting/e-reporting', label: t('einvoicing.nav.eReporting'), icon: <IconReceipt />, scope: 'billing:read' },
  ];
  const settings: NavItem[] = [
    { to: '/settings/companies', label: t('nav.companies'), icon: <IconBuilding />, scope: 'org:read' },
    { to: '/settings/establishments', label: t('nav.establishments'), icon: <IconStore />, scope: 'org:read' },
    { to: '/settings/sectors', label: t('nav.sectors'), icon: <IconGrid />, scope: 'org:read' },
    { to: '/settings/users', label: t('nav.users'), icon: <IconUsers />, scope: 'org:read' },
    { to: '/settings/api-keys', label: t('nav.apiKeys'), icon: <IconKey />, scope: 'org:read' },
    { to: '/settings/vat-rates', label: t('nav.vatRates'), icon: <IconPercent />, scope: 'catalog:read' },
    { to: '/settings/numbering', label: t('nav.numbering'), icon: <IconHash />, scope: 'ledger:read' },
    { to: '/settings/billing', label: t('nav.billingSettings'), icon: <IconSettings />, scope: 'billing:read' },
    { to: '/settings/bank', label: t('banking.nav.bankAccounts'), icon: <IconBuilding />, scope: 'banking:read' },
    { to: '/settings/stripe', label: t('stripe.settings.title'), icon: <IconLock />, scope: 'banking:read' },
    { to: '/settings/accounting', label: t('accounting.nav.settings'), icon: <IconSettings />, scope: 'ledger:read' },
    { to: '/settings/einvoicing', label: t('einvoicing.nav.settings'), icon: <IconMail />, scope: 'billing:read' },
  ];

  const switchCompany = (id: string | null) => {
    if (!id || id === me.company.id) return;
    // Query keys start with the company id: the new company's data loads into its own cache.
    setCompanyId(id);
    // A record of the previous company has no meaning in the next one: go back to the section's list.
    const section = location.pathname.split('/').slice(0, location.pathname.startsWith('/settings') || location.pathname.startsWith('/ledger') ? 3 : 2).join('/');
    if (section !== location.pathname) navigate(section || '/');
  };

  const logout = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };

  const renderLinks = (items: NavItem[]) =>
    items
      .filter((item) => can(item.scope))
      .map((item) => (
        <NavLink
          key={item.to}
          component={RouterLink}
          to={item.to}
          label={item.label}
          leftSection={item.icon}
          active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
          onClick={close}
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
          fw={500}
        />
      ));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.openMenu')} />
            <BrandMark />
          </Group>
          <Group gap="md" wrap="nowrap">
            <Select
              aria-label={t('shell.company')}
              data={me.companies.map((c) => ({ value: c.id, label: c.legalName }))}
              value={me.company.id}
              onChange={switchCompany}
              allowDeselect={false}
              w={260}
              visibleFrom="xs"
              leftSection={<IconBuilding size={16} />}
              comboboxProps={{ withinPortal: true }}
            />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={4}>
              {t('nav.crm')}
            </Text>
            {renderLinks(crm)}
            <NavSection label={t('nav.sales')} items={sales} render={renderLinks} />
            <NavSection label={t('nav.receivables')} items={receivables} render={renderLinks} />
            <NavSection label={t('nav.catalog')} items={catalog} render={renderLinks} />
            <NavSection label={t('nav.ledger')} items={ledger} render={renderLinks} />
            <NavSection label={t('accounting.nav.section')} items={accounting} render={renderLinks} />
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="lg" pb={4}>
              {t('nav.settings')}
            </Text>
            {renderLinks(settings)}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Divider mb="sm" />
          <Group gap="sm" wrap="nowrap" px={4}>
            <Avatar color="comptoir" radius="xl" size={36}>
              {initials(me.name)}
            </Avatar>
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600} className="cell-ellipsis">
                {me.name}
              </Text>
              <Text size="xs" c="dimmed" className="cell-ellipsis">
                {me.email}
              </Text>
              {me.role ? (
                <Badge size="xs" variant="light" mt={2}>
                  {roleLabel(t, me.role)}
                </Badge>
              ) : null}
            </Stack>
            <Tooltip label={t('auth.logout')}>
              <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('auth.logout')} onClick={() => void logout()}>
                <IconLogout />
              </ActionIcon>
            </Tooltip>
          </Group>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Stack maw={1400} mx="auto" gap={0}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}

import { ActionIcon, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OtherTaxInput } from '@comptoir/billing-engine';
import { IconCalendar } from '../../../components/icons';
import { formatDate, formatMoney, formatPercent } from '../../../lib/format';

/** "Éco-participation" reads "éco-participation" mid-sentence; acronyms ("TGAP") stay as they are. */
function midSentence(label: string): string {
  const [first = '', second = ''] = label;
  return second && second === second.toLocaleLowerCase() ? first.toLocaleLowerCase() + label.slice(1) : label;
}

/**
 * What the line says beside its description, read-only: its availability date and the other taxes the
 * catalog put on it (already counted in the totals, shown so the price is not a surprise).
 */
export function LineNotes({ availabilityDate, otherTaxes, currency }: { availabilityDate: string; otherTaxes: OtherTaxInput[]; currency: string }) {
  const { t } = useTranslation();
  const notes = otherTaxes.map((tax) =>
    tax.mode === 'fixed'
      ? t('sales.lines.otherTaxFixed', { label: midSentence(tax.label), amount: formatMoney(tax.value, currency, 4) })
      : t('sales.lines.otherTaxPercent', { label: midSentence(tax.label), rate: formatPercent(tax.value) }),
  );
  if (availabilityDate) notes.unshift(t('sales.lines.availableOn', { date: formatDate(availabilityDate) }));
  if (!notes.length) return null;
  return (
    <Text size="xs" c="dimmed" mt={2} className="line-notes">
      {notes.join(' · ')}
    </Text>
  );
}

/**
 * The calendar button of an item line: opens a small popover whose date field takes the focus;
 * Enter or Escape closes it and gives the focus back to the button.
 */
export function AvailabilityPicker({ value, onChange, n }: { value: string; onChange: (value: string) => void; n: number }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpened(false);
    button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };
  return (
    <Popover opened={opened} onChange={setOpened} onClose={() => button.current?.focus()} trapFocus position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon
          ref={button}
          variant={value ? 'light' : 'subtle'}
          color={value ? 'blue' : 'gray'}
          size="sm"
          aria-label={t('sales.lines.availabilityNamed', { n })}
          aria-expanded={opened}
          onClick={() => setOpened((o) => !o)}
        >
          <IconCalendar size={14} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            type="date"
            data-autofocus
            label={t('sales.lines.availabilityNamed', { n })}
            value={value}
            onChange={(e) => onChange(e.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
          <Group justify="flex-end">
            <Button
              variant="subtle"
              size="compact-sm"
              disabled={!value}
              onClick={() => {
                onChange('');
                close();
              }}
            >
              {t('sales.lines.clearAvailability')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function BrandMark({ inverted = false }: { inverted?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={10} wrap="nowrap">
      <svg width="30" height="30" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill={inverted ? 'white' : 'var(--mantine-color-comptoir-7)'} />
        <path
          d="M21.5 11.2A7 7 0 1 0 21.5 20.8"
          fill="none"
          stroke={inverted ? 'var(--mantine-color-comptoir-8)' : 'white'}
          strokeWidth="3.2"
          strokeLinecap="round"
        />
      </svg>
      <div>
        <Text fw={700} fz="lg" lh={1.1} c={inverted ? 'white' : undefined}>
          {t('app.name')}
        </Text>
        <Text fz={11} lh={1.1} c={inverted ? 'rgba(255,255,255,0.75)' : 'dimmed'}>
          {t('app.tagline')}
        </Text>
      </div>
    </Group>
  );
}

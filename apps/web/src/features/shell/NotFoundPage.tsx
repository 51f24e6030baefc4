import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyBlock } from '../../components/ui';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyBlock
      title={t('notFound.title')}
      description={t('notFound.description')}
      action={
        <Button component={Link} to="/customers">
          {t('notFound.home')}
        </Button>
      }
    />
  );
}

import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyBlock } from '../../components/ui';

export function NotFoundAccount() {
  const { t } = useTranslation();
  return (
    <EmptyBlock
      title={t('customers.detail.notFoundTitle')}
      description={t('customers.detail.notFound')}
      action={
        <Button component={Link} to="/customers" variant="default">
          {t('customers.detail.backToList')}
        </Button>
      }
    />
  );
}

import { Alert, Anchor, Box, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../lib/api';
import { useCompany } from '../../app/company';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { IconAlert } from '../../components/icons';
import { BrandMark } from '../shell/BrandMark';

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/customers';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const { setCompanyId } = useCompany();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const login = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/login', { body: { email: email.trim(), password } })),
    onSuccess: (session) => {
      client.clear();
      setCompanyId(session.company.id);
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  const error = login.error instanceof ApiError ? login.error : null;
  const fields = error?.fields ?? {};
  const message =
    error?.status === 401 ? t('auth.invalid') : error?.status === 429 ? t('auth.throttled') : login.error && !Object.keys(fields).length ? t('common.errorGeneric') : null;

  return (
    <Box mih="100vh" className="login-grid">
      <Box
        visibleFrom="md"
        p={56}
        style={{
          background: 'linear-gradient(150deg, var(--mantine-color-comptoir-9) 0%, var(--mantine-color-comptoir-6) 100%)',
          color: 'white',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
        }}
      >
        <BrandMark inverted />
        <Stack gap="md" maw={460}>
          <Title order={2} fz={34} fw={700} lh={1.15}>
            {t('auth.heroTitle')}
          </Title>
          <Text fz="lg" opacity={0.85}>
            {t('auth.heroText')}
          </Text>
        </Stack>
        <Text size="sm" opacity={0.7}>
          {t('auth.footer')}
        </Text>
      </Box>
      <Stack justify="center" align="center" p="xl" component="main">
        <Group justify="flex-end" w="100%" maw={420}>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p={36} w="100%" maw={420}>
          <form onSubmit={submit} noValidate aria-labelledby="login-title">
            <Stack gap="md">
              <Box hiddenFrom="md">
                <BrandMark />
              </Box>
              <div>
                <Title order={1} fz={24} id="login-title">
                  {t('auth.title')}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {t('auth.subtitle')}
                </Text>
              </div>
              {message ? (
                <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
                  {message}
                </Alert>
              ) : null}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={fields['email']}
                autoFocus
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fields['password']}
              />
              <Button type="submit" fullWidth size="md" loading={login.isPending} disabled={!email || !password}>
                {t('auth.submit')}
              </Button>
              <Text size="xs" c="dimmed" ta="center">
                {t('auth.help')}{' '}
                <Anchor href="/api/docs" size="xs">
                  {t('auth.apiDocs')}
                </Anchor>
              </Text>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Box>
  );
}

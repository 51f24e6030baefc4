import { Alert, Button, Center, Code, Stack, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18n from '../i18n';
import { IconAlert } from './icons';

interface State {
  error: Error | null;
}

/** Last line of defence: a rendering error shows a message and a reload button, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Rendering failed', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Center mih="100vh" p="xl">
        <Alert color="red" variant="light" icon={<IconAlert />} title={i18n.t('common.crashTitle')} role="alert" maw={560}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{i18n.t('common.crashText')}</Text>
            <Code block>{error.message}</Code>
            <Button color="red" variant="white" onClick={() => window.location.reload()}>
              {i18n.t('common.reload')}
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
}

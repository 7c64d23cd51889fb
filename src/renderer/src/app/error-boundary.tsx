import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the boundary protects, in the user's words: "Creators", "Fanfare". */
  area: string;
  children: ReactNode;
  onReset?: () => void;
}

interface State {
  error: Error | null;
}

/** Says what failed and offers a way out, instead of a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.area} failed`, error, info.componentStack);
  }

  private reset = () => {
    this.setState({ error: null });
    this.props.onReset?.();
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Stack p="xl" maw={640} mx="auto" mt="xl">
        <Alert color="red" icon={<IconAlertTriangle />} title={`${this.props.area} ran into a problem`}>
          <Stack gap="sm">
            <Text size="sm">Your data is safe: it is saved on this computer as you work. You can try this screen again, or reload Fanfare.</Text>
            <Code block>{error.message}</Code>
            <Group>
              <Button onClick={this.reset}>Try again</Button>
              <Button variant="default" onClick={() => window.location.reload()}>Reload Fanfare</Button>
            </Group>
          </Stack>
        </Alert>
      </Stack>
    );
  }
}

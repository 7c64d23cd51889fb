import { notifications } from '@mantine/notifications';

/** A command that failed after the user moved on (a blur save, an undo) still says why. */
export function reportError(title: string) {
  return (error: unknown) => {
    notifications.show({ color: 'red', title, message: error instanceof Error ? error.message : String(error) });
  };
}

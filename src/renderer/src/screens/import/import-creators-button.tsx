import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';

// The wizard (and the spreadsheet readers behind it) load only when someone imports.
const ImportWizard = lazy(() => import('./import-wizard').then((m) => ({ default: m.ImportWizard })));

/** "Import" on the Creators screen: opens the import wizard. */
export function ImportCreatorsButton() {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setOpened(true)}>Import</Button>
      {opened && (
        <Suspense fallback={null}>
          <ImportWizard onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}

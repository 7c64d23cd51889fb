import { Alert, Button, Group, Modal, Stack, Stepper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { importButtonLabel, finishedSentence } from '../../../../shared/import/counts';
import { mappingProblems, rowsWithoutPlatform } from '../../../../shared/import/fields';
import type { ImportPreview } from '../../../../shared/import/read';
import type { ConflictPolicy } from '../../../../shared/import/types';
import { useSession, useWorkspace } from '../../app/workspace-context';
import { BIG_IMPORT_ROWS, backUpBeforeBigChange } from '../../data/backup/automatic-backups';
import type { ImportResult } from '../../data/engine/import-jobs';
import { ColumnsStep, type ColumnChoices } from './columns-step';
import { downloadText } from './download-text';
import { DuplicatesStep } from './duplicates-step';
import { FileStep } from './file-step';
import { ImportProgress } from './import-progress';
import { ImportSummary } from './import-summary';
import { useImportProgress } from './use-import-progress';

type Step = 'file' | 'columns' | 'duplicates' | 'review' | 'done';
const STEPS: Step[] = ['file', 'columns', 'duplicates', 'review', 'done'];

interface Busy { title: string; detail?: string; cancellable: boolean }

const isCancel = (error: unknown) => error instanceof Error && error.name === 'ImportCancelled';
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Import creators from a spreadsheet: choose the file, match its columns,
 * say what duplicates do, review a dry run, import, and keep the report.
 * The file is read and checked in the data engine (off the screen's
 * thread); nothing is written until "Import", and then all in one go.
 */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const { current } = useWorkspace();
  /** Set when the backup before a big import failed: the person may then import without one, knowingly. */
  const [backupFailed, setBackupFailed] = useState(false);
  const [importId] = useState(() => crypto.randomUUID());
  const progress = useImportProgress(importId);
  const [step, setStep] = useState<Step>('file');
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<ColumnChoices | null>(null);
  const [policies, setPolicies] = useState<{ onHandle: ConflictPolicy; onEmail: ConflictPolicy }>({ onHandle: 'fill', onEmail: 'fill' });
  const [dryRun, setDryRun] = useState<ImportResult | null>(null);
  const [report, setReport] = useState<ImportResult | null>(null);

  // Closing the wizard lets the engine drop the file and its plan.
  useEffect(() => () => {
    void session.commands.importCancel(importId).catch(() => undefined);
    void session.commands.importDiscard(importId).catch(() => undefined);
  }, [session, importId]);

  const mapping = choices?.mapping;
  const platformless = useMemo(() => {
    if (!preview || !mapping) return null;
    const found = rowsWithoutPlatform(mapping, preview.cellKinds);
    return { rows: found.rows.map((r) => preview.rowNumbers[r]), of: found.of };
  }, [preview, mapping]);
  const problems = useMemo(() => {
    if (!preview || !choices) return [];
    const list = mappingProblems(choices.mapping, preview.headers);
    // When no row says its platform, nothing could be imported by handle: the choice is needed. When some do,
    // the rest can still be found by email, so the choice is offered, not forced.
    if (platformless && platformless.rows.length > 0 && platformless.rows.length === platformless.of && !choices.defaultPlatform) {
      list.push('Choose the platform these accounts are on, or map a column that says it.');
    }
    return list;
  }, [preview, choices, platformless]);

  /** Runs one engine step with a progress bar; a Cancel or failure leaves the wizard where it was, saying so. */
  const run = async <T,>(what: Busy, work: () => Promise<T>, done: (value: T) => void) => {
    setBusy(what);
    setError(null);
    setNotice(null);
    try {
      done(await work());
    } catch (failure) {
      if (isCancel(failure)) setNotice('Stopped. Nothing was changed.');
      else setError(message(failure));
    } finally {
      setBusy(null);
    }
  };

  const readFile = (file: File) => run({ title: `Reading ${file.name}`, cancellable: true }, () => session.commands.importRead(importId, file, file.name), (read) => {
    setPreview(read);
    setChoices({ mapping: read.mapping, defaultPlatform: read.defaultPlatform, rateScale: read.rateScale });
    setDryRun(null);
    setStep('columns');
  });

  const check = () => run({ title: 'Checking every row', detail: 'nothing is saved yet', cancellable: true }, () => session.commands.importPlan(importId, {
    mapping: choices!.mapping, defaultPlatform: choices!.defaultPlatform, rateScale: choices!.rateScale,
    onHandleMatch: policies.onHandle, onEmailMatch: policies.onEmail,
  }), (result) => {
    setDryRun(result);
    setStep('review');
  });

  const importTitle = () => `Importing ${(dryRun!.summary.newCreators + dryRun!.summary.updatedCreators).toLocaleString()} creators`;
  /** A big import is kept undoable by Ctrl+Z, and by a backup taken just before it, in case the undo history is gone. */
  const backUpFirst = async () => {
    if (backupFailed || !current || toImport < BIG_IMPORT_ROWS) return;
    setBusy({ title: 'Keeping a backup of this workspace first', detail: 'nothing is imported yet', cancellable: false });
    try {
      await backUpBeforeBigChange(session, current, 'before-import');
    } catch (failure) {
      setBackupFailed(true);
      throw new Error(`Fanfare could not keep a backup before this import, so nothing was imported: ${message(failure)} You can import without a backup.`, { cause: failure });
    }
    setBusy({ title: importTitle(), cancellable: true });
  };
  const commit = () => run({ title: importTitle(), cancellable: true }, async () => {
    await backUpFirst();
    return session.commands.importCommit(importId);
  }, (result) => {
    setReport(result);
    setStep('done');
    // The new creators reach the list in the background; the table shows them as they land.
    void session.projection.settled();
  });

  const downloadReport = () => {
    const base = (preview?.fileName ?? 'import').replace(/\.[^.]+$/, '');
    session.commands.importReportCsv(importId)
      .then((csv) => downloadText(`${base} - import report.csv`, csv))
      .catch((failure) => setError(message(failure)));
  };

  const cancel = () => void session.commands.importCancel(importId);
  const saving = busy !== null && progress?.phase === 'saving';
  const active = STEPS.indexOf(step);
  // On the last step every step is done, the last one included.
  const shownStep = step === 'done' ? STEPS.length : active;
  // Creators, not rows: two rows about one person make one creator.
  const toImport = dryRun ? dryRun.summary.newCreators + dryRun.summary.updatedCreators : 0;

  return (
    <Modal
      opened onClose={() => !saving && onClose()} size={1040} centered radius="lg" padding="xl"
      closeOnClickOutside={!busy} closeOnEscape={!saving} withCloseButton={!saving}
      title={<Title order={3}>Import creators</Title>}
    >
      <Stack gap="lg">
        <Stepper active={shownStep} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label="File" />
          <Stepper.Step label="Columns" />
          <Stepper.Step label="Duplicates" />
          <Stepper.Step label="Review" />
          <Stepper.Step label="Report" />
        </Stepper>

        {notice && <Alert color="gray" variant="light" radius="md" icon={<IconInfoCircle size={18} />} data-testid="import-notice">{notice}</Alert>}
        {error && step !== 'file' && (
          <Alert color="red" variant="light" radius="md" icon={<IconAlertTriangle size={18} />} title={step === 'review' ? 'Nothing was imported' : 'Something went wrong'} data-testid="import-error">
            {error}{step === 'review' ? ' Your creator list is exactly as it was.' : ''}
          </Alert>
        )}

        {busy ? (
          <ImportProgress progress={progress} title={busy.title} detail={busy.detail} onCancel={busy.cancellable ? cancel : undefined} />
        ) : (
          <>
            {step === 'file' && <FileStep onFile={(f) => void readFile(f)} error={error} />}
            {step === 'columns' && preview && choices && (
              <ColumnsStep preview={preview} choices={choices} onChange={setChoices} platformless={platformless} problems={problems} />
            )}
            {step === 'duplicates' && <DuplicatesStep onHandle={policies.onHandle} onEmail={policies.onEmail} onChange={setPolicies} />}
            {step === 'review' && dryRun && (
              <Stack gap="md">
                <Text size="sm">
                  Nothing is saved yet. {dryRun.summary.problems > 0 ? 'Rows with problems will be left out; fix them in your file and import it again later: the rows already imported will be recognised, not doubled.' : 'Every row can be imported.'}
                </Text>
                <ImportSummary summary={dryRun.summary} outcomes={dryRun.outcomes} final={false} />
              </Stack>
            )}
            {step === 'done' && report && (
              <Stack gap="md">
                <Group gap="sm" wrap="nowrap">
                  <ThemeIcon color="teal" variant="light" size={44} radius="xl"><IconCircleCheck size={26} /></ThemeIcon>
                  <div>
                    <Text fw={650} size="lg" data-testid="import-done">Import finished</Text>
                    <Text size="sm" c="dimmed">
                      {finishedSentence(report.summary)} Changed your mind? Ctrl+Z (⌘Z) takes the whole import back.
                    </Text>
                  </div>
                </Group>
                {report.replanned && (
                  <Alert color="blue" variant="light" radius="md" icon={<IconInfoCircle size={18} />}>
                    Your list changed while you were reviewing (a teammate’s edit, for example), so Fanfare checked the file again before saving. These are the final numbers.
                  </Alert>
                )}
                <ImportSummary summary={report.summary} outcomes={report.outcomes} final />
              </Stack>
            )}
          </>
        )}

        {!busy && step !== 'file' && (
          <Group justify="space-between">
            <Group gap="sm">
              {step !== 'done' && <Button variant="default" onClick={() => setStep(STEPS[active - 1])}>Back</Button>}
              {(step === 'review' || step === 'done') && (
                <Button variant="subtle" leftSection={<IconDownload size={16} />} onClick={downloadReport}>
                  {step === 'done' ? 'Download report (CSV)' : 'Download this summary (CSV)'}
                </Button>
              )}
            </Group>
            {step === 'columns' && <Button onClick={() => setStep('duplicates')} disabled={problems.length > 0}>Next</Button>}
            {step === 'duplicates' && <Button onClick={() => void check()}>Check the file</Button>}
            {step === 'review' && dryRun && (
              <Button onClick={() => void commit()} disabled={toImport === 0}>
                {`${importButtonLabel(dryRun.summary)}${toImport > 0 && backupFailed ? ' without a backup' : ''}`}
              </Button>
            )}
            {step === 'done' && <Button onClick={onClose}>Done</Button>}
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

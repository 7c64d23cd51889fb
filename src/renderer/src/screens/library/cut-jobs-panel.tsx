import { Badge, Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { CutJobView } from '../../../../shared/media/library-contract';
import { reportError } from '../../components/report-error';
import { host } from '../../host';
import { cutOutputStatus } from './cut-output-status';

function timeLeft(seconds: number | null): string {
  if (seconds === null) return 'Working out the time left…';
  if (seconds < 60) return `About ${Math.max(1, seconds)} s left`;
  return `About ${Math.round(seconds / 60)} min left`;
}

const STATUS: Record<CutJobView['status'], { label: string; color: string }> = {
  queued: { label: 'Waiting', color: 'gray' },
  running: { label: 'Cutting', color: 'blue' },
  done: { label: 'Ready', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

/**
 * The open workspace's queue: progress and time left while cutting, what was
 * checked when done, the reason when not. Another workspace's cuts are never
 * shown here; they carry on and are filed in their own workspace.
 */
export function CutJobsPanel({ jobs, problem, workspaceId }: { jobs: CutJobView[]; problem: string | null; workspaceId: string }) {
  if (jobs.length === 0 && !problem) return null;
  const finished = jobs.some((j) => j.status !== 'queued' && j.status !== 'running');
  return (
    <Card withBorder radius="md" p="md" mb="lg" data-testid="cut-jobs">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>Cuts in progress</Text>
        {finished && <Button size="xs" variant="subtle" onClick={() => void host['cut-jobs-clear']({ workspaceId }).catch(reportError('The list was not cleared'))}>Clear finished</Button>}
      </Group>
      {problem && <Text size="sm" c="red">{problem}</Text>}
      <Stack gap="sm">
        {jobs.map((job) => {
          const status = STATUS[job.status];
          return (
            <Stack key={job.id} gap={4} data-testid="cut-job">
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={600} lineClamp={1}>{job.sourceFileName}</Text>
                  <Badge size="sm" variant="light" color={status.color}>{status.label}</Badge>
                </Group>
                {(job.status === 'running' || job.status === 'queued') && (
                  <Button size="xs" variant="default" onClick={() => void host['cut-jobs-cancel']({ workspaceId, jobId: job.id }).catch(reportError('The cut was not cancelled'))}>Cancel</Button>
                )}
              </Group>
              {job.status === 'running' && (
                <Group gap="sm" wrap="nowrap">
                  <Progress value={job.percent} style={{ flex: 1 }} aria-label={`Cutting ${job.sourceFileName}`} animated />
                  <Text size="xs" c="dimmed" w={240} ta="right">{job.percent}% · {timeLeft(job.secondsLeft)}</Text>
                </Group>
              )}
              {job.error && <Text size="sm" c="red">{job.error}</Text>}
              <Group gap={6}>
                {job.outputs.map((o) => {
                  const shown = cutOutputStatus(job, o);
                  return (
                    <Badge key={o.presetId} size="sm" variant="outline" color={shown.color} data-status={shown.label}
                      leftSection={shown.icon === 'check' ? <IconCheck size={12} /> : shown.icon === 'x' ? <IconX size={12} /> : undefined}
                      title={shown.title}>
                      {shown.label === 'Cancelled' ? `${o.presetName} · Cancelled` : o.presetName}
                    </Badge>
                  );
                })}
              </Group>
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}

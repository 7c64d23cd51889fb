import { Box, Group, Image, Loader, RangeSlider, Skeleton, Text } from '@mantine/core';
import { formatDuration } from './library-data';

interface Props {
  frames: { atSeconds: number; dataUrl: string }[] | null;
  /** Frames are still being read: a first few, or none yet. */
  loading: boolean;
  duration: number;
  value: [number, number];
  onChange: (v: [number, number]) => void;
}

const precise = (s: number) => `${formatDuration(Math.floor(s))}.${String(Math.floor((s % 1) * 10))}`;

/** Frames along the video, with the in and out markers over them. */
export function TrimTimeline({ frames, loading, duration, value, onChange }: Props) {
  return (
    <Box pos="relative">
      {loading && (
        // Says it is working (a bare grey bar looked broken), and that the markers work meanwhile.
        <Group gap={6} pos="absolute" top={4} right={6} px={8} py={2} style={{ zIndex: 1, borderRadius: 999, background: 'var(--mantine-color-body)', opacity: 0.92 }} data-testid="timeline-loading">
          <Loader size={12} />
          <Text size="xs">{frames ? 'More frames on the way…' : 'Reading frames from the video…'}</Text>
        </Group>
      )}
      <Group gap={2} wrap="nowrap" style={{ overflow: 'hidden', borderRadius: 6 }} data-testid="timeline-frames">
        {frames
          ? frames.map((f) => {
            const inside = f.atSeconds >= value[0] && f.atSeconds <= value[1];
            return <Image key={f.atSeconds} src={f.dataUrl} h={54} w={`${100 / frames.length}%`} fit="cover" alt={`Frame at ${precise(f.atSeconds)}`} style={{ opacity: inside ? 1 : 0.3 }} />;
          })
          : <Skeleton h={54} animate={loading} />}
      </Group>
      <RangeSlider mt="xs" min={0} max={duration} step={0.04} minRange={0.2} value={value} onChange={onChange} label={precise}
        thumbFromLabel="Start of the cut" thumbToLabel="End of the cut" aria-label="Trim" />
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">Start {precise(value[0])}</Text>
        <Text size="xs" fw={600}>Cut length {(value[1] - value[0]).toFixed(1)} s</Text>
        <Text size="xs" c="dimmed">End {precise(value[1])}</Text>
      </Group>
    </Box>
  );
}

import { Box, Image, Skeleton, Text } from '@mantine/core';
import { cropRect } from '../../../../shared/media/cut-plan';
import type { ChannelPreset } from '../../../../shared/media/channel-presets';

interface Props {
  imageUrl: string | null;
  width: number;
  height: number;
  focusX: number;
  focusY: number;
  crops: ChannelPreset[];
  onPick: (x: number, y: number) => void;
}

const COLORS = ['#ff6b6b', '#4dabf7', '#51cf66', '#fcc419', '#cc5de8', '#ff922b', '#20c997', '#f06595'];

/** Click the frame to say what must stay in every crop; each crop's outline follows. */
export function FocusPicker({ imageUrl, width, height, focusX, focusY, crops, onPick }: Props) {
  const boxHeight = 260;
  const boxWidth = Math.round((boxHeight * width) / height);
  if (!imageUrl) return <Skeleton w={boxWidth} h={boxHeight} />;
  return (
    <Box>
      <Box pos="relative" w={boxWidth} h={boxHeight} style={{ cursor: 'crosshair', borderRadius: 6, overflow: 'hidden' }} data-testid="focus-picker"
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          onPick(Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)));
        }}>
        <Image src={imageUrl} w={boxWidth} h={boxHeight} fit="fill" alt="Frame to pick the focal point on" />
        {crops.map((p, i) => {
          const c = cropRect(width, height, p.width, p.height, focusX, focusY);
          return (
            <Box key={p.id} pos="absolute" title={p.name} style={{
              left: `${(c.x / width) * 100}%`, top: `${(c.y / height) * 100}%`, width: `${(c.width / width) * 100}%`, height: `${(c.height / height) * 100}%`,
              border: `2px solid ${COLORS[i % COLORS.length]}`, boxShadow: i === 0 ? '0 0 0 2000px rgba(0,0,0,0.35)' : undefined, pointerEvents: 'none',
            }} />
          );
        })}
        <Box pos="absolute" style={{ left: `calc(${focusX * 100}% - 9px)`, top: `calc(${focusY * 100}% - 9px)`, width: 18, height: 18, borderRadius: 9, border: '3px solid white', boxShadow: '0 0 4px black', pointerEvents: 'none' }} />
      </Box>
      <Text size="xs" c="dimmed" mt={4}>Click what must stay in the picture. Coloured outlines show each crop.</Text>
    </Box>
  );
}

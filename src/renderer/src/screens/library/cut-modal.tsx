import { Alert, Badge, Button, Checkbox, Group, Modal, Progress, SegmentedControl, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconSparkles } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { ratioOf, type ChannelPreset } from '../../../../shared/media/channel-presets';
import { presetOfCut } from '../../../../shared/media/pack-plan';
import { paidUseCoverage } from '../../../../shared/media/rights-coverage';
import { useWorkspace } from '../../app/workspace-context';
import { host } from '../../host';
import { FocusPicker } from './focus-picker';
import { ensureLocalFiles, type AssetRow, type FetchProgress, type LibraryData } from './library-data';
import { thumbnailOf } from './thumbnail-cache';
import { TrimTimeline } from './trim-timeline';

interface Props {
  asset: AssetRow;
  data: LibraryData;
  onClose: () => void;
}

/**
 * Pick the part, the focal point and the channels; one job makes every
 * output, in the open workspace's queue. A teammate's original is fetched
 * from the team server first, with progress.
 */
export function CutModal({ asset, data, onClose }: Props) {
  const { session, media } = useWorkspace();
  const isVideo = asset.kind === 'video';
  const duration = asset.durationSeconds ?? 0;
  const [range, setRange] = useState<[number, number]>([0, duration]);
  const [focus, setFocus] = useState({ x: 0.5, y: 0.5 });
  const [chosen, setChosen] = useState<Record<string, 'crop' | 'blur'>>({});
  const [keepAudio, setKeepAudio] = useState(true);
  const [frames, setFrames] = useState<{ atSeconds: number; dataUrl: string }[] | null>(null);
  const [allFrames, setAllFrames] = useState(false);
  const [poster, setPoster] = useState<string | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [fetching, setFetching] = useState<FetchProgress | null>(null);
  const [here, setHere] = useState(false);
  const made = useMemo(() => new Set(data.assets.filter((a) => a.derivedFromId === asset.id).map((c) => presetOfCut(c, data.presets)?.id)), [data, asset.id]);

  useEffect(() => {
    const controller = new AbortController();
    const fail = (e: unknown) => !controller.signal.aborted && setProblem(e instanceof Error ? e.message : String(e));
    void (async () => {
      // The frames and the cut both need the original's bytes on this computer.
      await ensureLocalFiles(media, [asset], setFetching, controller.signal);
      if (controller.signal.aborted) return;
      setFetching(null);
      setHere(true);
      void thumbnailOf(asset.sha256, 'large').then(setPoster);
      if (isVideo) {
        // Ten frames take seconds to read; three come first, so the timeline shows the video almost at once
        // and fills in as the rest arrive. Both are kept on disk, so a second look is instant.
        let full = false;
        host['library-frames']({ sha256: asset.sha256, count: 3 }, { signal: controller.signal }).then((r) => !full && setFrames(r.frames), () => undefined);
        host['library-frames']({ sha256: asset.sha256, count: 10 }, { signal: controller.signal }).then((r) => {
          full = true;
          setFrames(r.frames);
          setAllFrames(true);
        }, (e: unknown) => {
          setAllFrames(true);
          fail(e);
        });
      }
    })().catch((e: unknown) => {
      setFetching(null);
      fail(e);
    });
    return () => controller.abort();
  }, [asset, isVideo, media]);

  const length = range[1] - range[0];
  const picked = data.presets.filter((p) => chosen[p.id]);
  const tooLong = (p: ChannelPreset) => isVideo && length > p.maxDurationSeconds;
  const tooShort = (p: ChannelPreset) => isVideo && length < (p.minDurationSeconds ?? 0);
  const paidWarnings = useMemo(() => picked.filter((p) => p.paid).map((p) => ({ preset: p, coverage: paidUseCoverage(data.rightsOfAsset(asset), p.channel, data.today) }))
    .filter((w) => !w.coverage.covered), [picked, data, asset]);
  const blocked = !here || picked.length === 0 || picked.some(tooLong) || picked.some(tooShort) || (paidWarnings.length > 0 && !confirmed) || starting;

  const suggest = async () => {
    setSuggesting(true);
    try {
      const r = await host['library-suggest-focus']({ sha256: asset.sha256, atSeconds: isVideo ? [0.25, 0.5, 0.75].map((f) => range[0] + f * length) : [] });
      setFocus({ x: r.focusX, y: r.focusY });
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setSuggesting(false);
    }
  };

  const start = async () => {
    setStarting(true);
    setProblem(null);
    try {
      if (!session) throw new Error('Open a workspace first.');
      await host['cut-jobs-start']({
        workspaceId: session.id, sourceSha256: asset.sha256, sourceFileName: asset.fileName, sourceAssetId: asset.id,
        inSeconds: isVideo ? range[0] : 0, outSeconds: isVideo ? range[1] : null,
        outputs: picked.map((preset) => ({ preset, fit: chosen[preset.id], focusX: focus.x, focusY: focus.y, keepAudio })),
      });
      notifications.show({ title: 'Cutting started', message: `${picked.length} ${picked.length === 1 ? 'cut' : 'cuts'} of ${asset.fileName}. Follow the progress under “Cuts in progress”.` });
      onClose();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
      setStarting(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size={980} title={<Text fw={700}>Cut “{asset.fileName}” for channels</Text>}>
      <Stack gap="md">
        {fetching && (
          <Stack gap={4} data-testid="cut-fetching">
            <Text size="sm">{fetching.message}</Text>
            <Progress value={fetching.fraction * 100} aria-label="Fetching the original" animated />
          </Stack>
        )}
        {isVideo && <TrimTimeline frames={frames} loading={!allFrames} duration={duration} value={range} onChange={setRange} />}
        <Group align="flex-start" gap="xl" wrap="nowrap">
          <Stack gap="xs">
            <FocusPicker imageUrl={poster} width={asset.width ?? 16} height={asset.height ?? 9} focusX={focus.x} focusY={focus.y}
              crops={picked.filter((p) => chosen[p.id] === 'crop')} onPick={(x, y) => setFocus({ x, y })} />
            <Button variant="light" size="xs" leftSection={<IconSparkles size={14} />} loading={suggesting} onClick={() => void suggest()} w="fit-content">Suggest a focal point</Button>
          </Stack>
          <Stack gap={6} style={{ flex: 1 }}>
            <Text fw={600} size="sm">Channels</Text>
            {data.presets.map((p) => (
              <Group key={p.id} justify="space-between" wrap="nowrap" gap="xs">
                <Checkbox label={<Group gap={6} wrap="nowrap"><Text size="sm">{p.name}</Text><Text size="xs" c="dimmed">{ratioOf(p.width, p.height)} · {p.width}×{p.height}</Text>{p.paid && <Badge size="xs" color="orange">Paid</Badge>}{made.has(p.id) && <Badge size="xs" variant="light" color="teal">Already cut</Badge>}</Group>}
                  checked={!!chosen[p.id]} onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setChosen((c) => {
                      const next = { ...c };
                      if (on) next[p.id] = 'crop';
                      else delete next[p.id];
                      return next;
                    });
                  }} />
                <Group gap="xs" wrap="nowrap">
                  {chosen[p.id] && tooShort(p) && (
                    <Tooltip label={`${p.name} takes at least ${p.minDurationSeconds} seconds; move the end marker later.`}>
                      <Badge color="red" variant="light">Too short</Badge>
                    </Tooltip>
                  )}
                  {chosen[p.id] && tooLong(p) && (
                    <Tooltip label={`${p.name} takes up to ${p.maxDurationSeconds} seconds; move the end marker earlier.`}>
                      <Badge color="red" variant="light">Too long</Badge>
                    </Tooltip>
                  )}
                  {chosen[p.id] && (
                    <SegmentedControl size="xs" value={chosen[p.id]} aria-label={`How to fit ${p.name}`}
                      onChange={(v) => setChosen((c) => ({ ...c, [p.id]: v as 'crop' | 'blur' }))}
                      data={[{ value: 'crop', label: 'Crop' }, { value: 'blur', label: 'Fit, blurred fill' }]} />
                  )}
                </Group>
              </Group>
            ))}
            {isVideo && <Switch mt="sm" label="Keep the sound" checked={keepAudio} onChange={(e) => setKeepAudio(e.currentTarget.checked)} disabled={!asset.audioCodec} description={asset.audioCodec ? undefined : 'This video has no sound.'} />}
          </Stack>
        </Group>
        {paidWarnings.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Check the usage rights before running this as an ad">
            <Stack gap={4}>
              {paidWarnings.map((w) => <Text key={w.preset.id} size="sm"><b>{w.preset.name}:</b> {w.coverage.message}</Text>)}
              <Checkbox mt="xs" label="I have checked with the creator; cut it anyway" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
            </Stack>
          </Alert>
        )}
        {problem && <Alert color="red">{problem}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button disabled={blocked} loading={starting} onClick={() => void start()}>
            {picked.length ? `Cut ${picked.length} ${picked.length === 1 ? 'version' : 'versions'}` : 'Choose channels'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Alert, Badge, Button, Checkbox, Group, Modal, Progress, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ratioOf } from '../../../../shared/media/channel-presets';
import { namePart } from '../../../../shared/media/export-names';
import { planPack } from '../../../../shared/media/pack-plan';
import { paidUseCoverage } from '../../../../shared/media/rights-coverage';
import { useWorkspace } from '../../app/workspace-context';
import { downloadBlob } from '../../components/download-file';
import { host } from '../../host';
import { ensureLocalFiles, type AssetRow, type LibraryData } from './library-data';

interface Props {
  assets: AssetRow[];
  data: LibraryData;
  onClose: () => void;
}

/**
 * A pack for an agency or an ads manager: the chosen files in the chosen
 * channel formats, each once (`planPack`), named
 * `{campaign}_{creator}_{channel}_{ratio}` (`_paid` for ads placements). A
 * format counts as made when a cut for that very preset exists in the
 * library. Teammates' files are fetched first; closing the dialog (or
 * switching workspace) stops the pack.
 */
export function ExportPackModal({ assets, data, onClose }: Props) {
  const { media } = useWorkspace();
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  const [presetIds, setPresetIds] = useState<string[]>([]);
  const [includeOriginals, setIncludeOriginals] = useState(assets.length > 0);
  const [confirmed, setConfirmed] = useState(false);
  const [packName, setPackName] = useState(() => namePart(assets[0]?.campaignId ? data.campaignName.get(assets[0].campaignId) ?? 'pack' : 'Fanfare pack', 'pack'));
  const [progress, setProgress] = useState<number | null>(null);
  const [step, setStep] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const plan = useMemo(() => planPack({
    selected: assets, library: data.assets, presets: data.presets, asIs: includeOriginals,
    formats: presetIds.map((id) => data.presets.find((p) => p.id === id)).filter((p) => p !== undefined),
    campaignName: (id) => data.campaignName.get(id) ?? null, creatorName: (id) => data.creatorName.get(id) ?? null,
  }), [assets, presetIds, includeOriginals, data]);
  const paidCount = plan.items.filter((i) => i.paid).length;

  // Only what goes in the pack as an ad is checked, once per original (its cuts share its rights).
  const warnings = useMemo(() => plan.items.filter((i) => i.paid).flatMap((i) => {
    const a = data.assets.find((x) => x.id === i.originalId) ?? data.assets.find((x) => x.id === i.assetId);
    const p = data.presets.find((x) => x.id === i.presetId);
    if (!a || !p) return [];
    const c = paidUseCoverage(data.rightsOfAsset(a), p.channel, data.today);
    return c.covered ? [] : [{ a, p, c }];
  }), [plan, data]);
  const asIsCount = plan.items.filter((i) => i.presetId === null).length;

  const run = async () => {
    const controller = new AbortController();
    running.current = controller;
    const { signal } = controller;
    setProblem(null);
    setProgress(0);
    try {
      const byId = new Map(data.assets.map((a) => [a.id, a]));
      await ensureLocalFiles(media, plan.items.map((i) => ({ sha256: i.sha256, fileName: byId.get(i.assetId)?.fileName ?? i.name })), (p) => {
        setStep(p.message);
        setProgress(p.fraction * 0.3);
      }, signal);
      setStep('Packing…');
      const items = plan.items.map(({ sha256, name }) => ({ sha256, name }));
      const result = await host['library-export']({ items, packName: namePart(packName, 'pack') }, { signal, onProgress: (p) => setProgress(0.3 + (p.fraction ?? 0) * 0.35) });
      setStep('Downloading the zip…');
      const parts: BlobPart[] = [];
      for (let offset = 0; offset < result.totalBytes;) {
        const { data: piece } = await host['library-export-read']({ exportId: result.exportId, offset, length: 512 * 1024 }, { signal });
        const bytes = Uint8Array.from(atob(piece), (ch) => ch.charCodeAt(0));
        if (bytes.length === 0) break;
        parts.push(bytes);
        offset += bytes.length;
        setProgress(0.65 + (offset / result.totalBytes) * 0.35);
      }
      if (signal.aborted) return;
      downloadBlob(result.fileName, new Blob(parts, { type: 'application/zip' }));
      onClose();
    } catch (e) {
      if (signal.aborted) return;
      setProblem(e instanceof Error ? e.message : String(e));
      setProgress(null);
      setStep(null);
    }
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={<Text fw={700}>Export a pack of {assets.length} {assets.length === 1 ? 'file' : 'files'}</Text>}>
      <Stack gap="sm">
        <TextInput label="Pack name" value={packName} onChange={(e) => setPackName(e.currentTarget.value)} />
        <Checkbox label="Include the files as they are" checked={includeOriginals} onChange={(e) => setIncludeOriginals(e.currentTarget.checked)} />
        <Text size="sm" fw={600}>Channel formats</Text>
        <Checkbox.Group value={presetIds} onChange={setPresetIds}>
          <Stack gap={4}>
            {data.presets.map((p) => (
              <Checkbox key={p.id} value={p.id} label={<Group gap={6}><Text size="sm">{p.name}</Text><Text size="xs" c="dimmed">{ratioOf(p.width, p.height)}</Text>{p.paid && <Badge size="xs" color="orange">Paid</Badge>}</Group>} />
            ))}
          </Stack>
        </Checkbox.Group>
        {plan.missing.length > 0 && (
          <Alert color="yellow" title="Not cut yet, so not in the pack">
            <Text size="sm">{plan.missing.slice(0, 6).map((m) => `${m.fileName} → ${m.preset.name}`).join('; ')}{plan.missing.length > 6 ? ` and ${plan.missing.length - 6} more` : ''}. Cut them first (open the file, then “Cut for channels”).</Text>
          </Alert>
        )}
        {warnings.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Usage rights do not cover paid use">
            <Stack gap={4}>
              {warnings.slice(0, 6).map((w) => <Text key={`${w.a.id}-${w.p.id}`} size="sm"><b>{w.a.fileName} → {w.p.name}:</b> {w.c.message}</Text>)}
              <Checkbox mt="xs" label="I have checked with the creators; export anyway" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
            </Stack>
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          Named like {plan.items[0]?.name ?? 'Spring-launch_Zoë-Kim_TikTok_9x16.mp4'}
          {paidCount > 0 && ` · ${paidCount} ${paidCount === 1 ? 'file is' : 'files are'} cut for paid ads and end in “_paid”`}
        </Text>
        {plan.items.length > 0 && (
          <Text size="sm" data-testid="pack-summary">
            In the pack: {asIsCount} as {asIsCount === 1 ? 'it is' : 'they are'}, {plan.items.length - asIsCount - paidCount} for organic posts, {paidCount} for paid ads. Each file and format appears once.
          </Text>
        )}
        {progress !== null && (
          <Stack gap={4}>
            {step && <Text size="sm">{step}</Text>}
            <Progress value={progress * 100} aria-label="Preparing the pack" />
          </Stack>
        )}
        {problem && <Alert color="red">{problem}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button disabled={plan.items.length === 0 || (warnings.length > 0 && !confirmed) || progress !== null} onClick={() => void run()}>
            Download {plan.items.length} {plan.items.length === 1 ? 'file' : 'files'} as a zip
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

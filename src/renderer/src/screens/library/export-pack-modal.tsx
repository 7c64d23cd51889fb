import { Alert, Badge, Button, Checkbox, Group, Modal, Progress, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ratioOf } from '../../../../shared/media/channel-presets';
import { exportFileName, namePart } from '../../../../shared/media/export-names';
import { paidUseCoverage } from '../../../../shared/media/rights-coverage';
import { downloadBlob } from '../../components/download-file';
import { host } from '../../host';
import type { AssetRow, LibraryData } from './library-data';

interface Props {
  assets: AssetRow[];
  data: LibraryData;
  onClose: () => void;
}

/**
 * A pack for an agency or an ads manager: the chosen files in the chosen
 * channel formats, named `{campaign}_{creator}_{channel}_{ratio}`. A format
 * counts as made when a checked cut of that file exists in the library.
 */
export function ExportPackModal({ assets, data, onClose }: Props) {
  const [presetIds, setPresetIds] = useState<string[]>([]);
  const [includeOriginals, setIncludeOriginals] = useState(assets.length > 0);
  const [confirmed, setConfirmed] = useState(false);
  const [packName, setPackName] = useState(() => namePart(assets[0]?.campaignId ? data.campaignName.get(assets[0].campaignId) ?? 'pack' : 'Fanfare pack', 'pack'));
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const plan = useMemo(() => {
    const taken = new Set<string>();
    const items: { sha256: string; name: string }[] = [];
    const missing: string[] = [];
    for (const a of assets) {
      const original = a.derivedFromId ? data.assets.find((x) => x.id === a.derivedFromId) ?? a : a;
      const parts = { campaign: a.campaignId ? data.campaignName.get(a.campaignId) ?? null : null, creator: a.creatorId ? data.creatorName.get(a.creatorId) ?? null : null };
      const ext = (a.fileName.split('.').pop() ?? 'bin').toLowerCase();
      if (includeOriginals) items.push({ sha256: a.sha256, name: exportFileName({ ...parts, preset: { channel: a.source === 'cut' ? 'cut' : 'original', width: a.width ?? 1, height: a.height ?? 1 }, extension: ext }, taken) });
      for (const id of presetIds) {
        const preset = data.presets.find((p) => p.id === id)!;
        const cut = data.assets.find((x) => x.derivedFromId === original.id && x.width === preset.width && x.height === preset.height);
        if (!cut) missing.push(`${original.fileName} → ${preset.name}`);
        else items.push({ sha256: cut.sha256, name: exportFileName({ ...parts, preset, extension: (cut.fileName.split('.').pop() ?? 'mp4').toLowerCase() }, taken) });
      }
    }
    return { items, missing };
  }, [assets, presetIds, includeOriginals, data]);

  const warnings = useMemo(() => presetIds.map((id) => data.presets.find((p) => p.id === id)!).filter((p) => p.paid)
    .flatMap((p) => assets.map((a) => ({ a, p, c: paidUseCoverage(data.rightsOfAsset(a), p.channel, data.today) })).filter((w) => !w.c.covered)), [presetIds, assets, data]);

  const run = async () => {
    setProblem(null);
    setProgress(0);
    try {
      const result = await host['library-export']({ items: plan.items, packName: namePart(packName, 'pack') }, { onProgress: (p) => setProgress((p.fraction ?? 0) * 0.5) });
      const parts: BlobPart[] = [];
      for (let offset = 0; offset < result.totalBytes;) {
        const { data: piece } = await host['library-export-read']({ exportId: result.exportId, offset, length: 512 * 1024 });
        const bytes = Uint8Array.from(atob(piece), (ch) => ch.charCodeAt(0));
        if (bytes.length === 0) break;
        parts.push(bytes);
        offset += bytes.length;
        setProgress(0.5 + (offset / result.totalBytes) * 0.5);
      }
      downloadBlob(result.fileName, new Blob(parts, { type: 'application/zip' }));
      onClose();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
      setProgress(null);
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
            <Text size="sm">{plan.missing.slice(0, 6).join('; ')}{plan.missing.length > 6 ? ` and ${plan.missing.length - 6} more` : ''}. Cut them first (open the file, then “Cut for channels”).</Text>
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
        <Text size="xs" c="dimmed">Named like {plan.items[0]?.name ?? 'Spring-launch_Zoë-Kim_TikTok_9x16.mp4'}</Text>
        {progress !== null && <Progress value={progress * 100} aria-label="Preparing the pack" />}
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

import { Button, ColorInput, FileButton, Group, Image, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { host } from '../../host';
import { fontFamilies, fontFamilyLabels, type FontFamily } from '../../../../shared/documents/model';
import { fileToBase64 } from '../../host/base64';
import { useBrandKit } from './use-brand-kit';

/** The look of every PDF the team makes: name, colours, font and logo, shared by the workspace. */
export function BrandKitModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const session = useSession();
  const { kit, legalName, recordId } = useBrandKit();
  const [name, setName] = useState(kit.name);
  const [legal, setLegal] = useState(legalName);
  const [primary, setPrimary] = useState(kit.primary);
  const [accent, setAccent] = useState(kit.accent);
  const [font, setFont] = useState<FontFamily>(kit.font);
  const [logo, setLogo] = useState<{ sha256: string; preview: string } | null>(null);
  const [uploading, setUploading] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setName(kit.name); setLegal(legalName); setPrimary(kit.primary); setAccent(kit.accent); setFont(kit.font); setLogo(null);
  }, [opened, kit, legalName]);

  const pickLogo = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    try {
      const stored = await host['documents-store-file']({ fileName: file.name, base64: await fileToBase64(file) });
      if (stored.kind !== 'image') throw new Error('The logo must be a picture (PNG, JPEG, WebP or SVG rendered to PNG).');
      setLogo({ sha256: stored.sha256, preview: URL.createObjectURL(file) });
    } catch (e) {
      reportError('The logo was not added')(e);
    } finally {
      setUploading(false);
    }
  };

  const save = async () => {
    const data = { legalName: legal.trim(), primary, accent, font, logoSha256: logo?.sha256 ?? kit.logoSha256 };
    if (recordId) await session.commands.update('settings', recordId, { name: name.trim() || kit.name, data });
    else await session.commands.create('settings', { kind: 'brand-kit', name: name.trim() || kit.name, data });
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Brand kit" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">Every brief, contract and guide Fanfare makes uses these: the name in the header, your colours, your logo on the cover.</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Brand name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label="Legal name (for contracts)" value={legal} onChange={(e) => setLegal(e.currentTarget.value)} placeholder="e.g. Lumen Skin Ltd" />
          <ColorInput label="Main colour" value={primary} onChange={setPrimary} format="hex" />
          <ColorInput label="Accent colour" value={accent} onChange={setAccent} format="hex" />
          <Select label="Font" data={fontFamilies.map((f) => ({ value: f, label: fontFamilyLabels[f] }))} value={font} allowDeselect={false} onChange={(v) => v && setFont(v as FontFamily)} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>Logo</Text>
            <Group>
              {logo && <Image src={logo.preview} h={36} w="auto" fit="contain" alt="New logo" />}
              {!logo && kit.logoSha256 && <Text size="sm" c="dimmed">A logo is set</Text>}
              <FileButton onChange={(f) => void pickLogo(f)} accept="image/png,image/jpeg,image/webp">
                {(props) => <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={uploading}>{kit.logoSha256 || logo ? 'Replace logo' : 'Add logo'}</Button>}
              </FileButton>
            </Group>
          </Stack>
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save().catch(reportError('The brand kit was not saved'))}>Save brand kit</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

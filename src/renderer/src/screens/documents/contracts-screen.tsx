import { ActionIcon, Badge, Button, Card, FileButton, Group, Menu, Table, Text } from '@mantine/core';
import { IconCheck, IconDots, IconEye, IconFileCertificate, IconFiles, IconPalette, IconPaperclip, IconPlus, IconSend, IconTemplate, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../../app/workspace-context';
import type { Money } from '../../../../shared/domain/fields';
import { buildContractsTable } from '../../../../shared/domain/table-exports/contracts';
import { EmptyState } from '../../components/empty-state';
import { ExportTableMenu } from '../../components/export-table-menu';
import { PageHeader } from '../../components/page-header';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { formatEdited } from '../brief-row';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { DocumentRequest } from '../../../../shared/documents/requests';
import { BrandKitModal } from './brand-kit-modal';
import { CampaignDocumentsModal } from './campaign-documents-modal';
import { contractRequest, contractStatusColors, contractStatusLabels, type ContractRow } from './contract-row';
import { SaveClauseSetModal } from '../templates/save-clause-set-modal';
import { NewContractsModal } from './new-contracts-modal';
import { PdfPreviewModal } from './pdf-preview-modal';
import { useBrandKit } from './use-brand-kit';
import { SignedCopyCheckModal } from './signed-copy-check-modal';
import { useSignedCopy } from './use-signed-copy';
import { SIGNED_BY, SIGNED_ON, SIGNED_UNCHECKED } from '../../../../shared/documents/attach-signed-copy';

/** Every creator agreement: made from the negotiated terms, sent, signed, countersigned. */
export function ContractsScreen() {
  const session = useSession();
  const { kit } = useBrandKit();
  const contracts = useRxQuery<ContractRow>('documents', { selector: { kind: 'contract', deletedAt: null }, sort: [{ updatedAt: 'desc' }] }, 'contracts');
  const engagementIds = [...new Set((contracts ?? []).map((c) => c.engagementId).filter((id): id is string => !!id))].sort();
  const engagements = useRxQuery<{ id: string; terms: { fee: Money | null } | null }>('engagements', { selector: { id: { $in: engagementIds } } }, `contracts-terms-${engagementIds.length}-${engagementIds[0] ?? ''}-${engagementIds.at(-1) ?? ''}`);
  const [creating, setCreating] = useState(false);
  const [branding, setBranding] = useState(false);
  const [others, setOthers] = useState(false);
  const [keeping, setKeeping] = useState<ContractRow | null>(null);
  const [preview, setPreview] = useState<{ request: DocumentRequest; title: string } | null>(null);
  const signedCopy = useSignedCopy(contracts);

  const setStatus = (row: ContractRow, status: ContractRow['status']) =>
    session.commands.update('documents', row.id, { status }).catch(reportError('The contract was not updated'));

  const trash = async (row: ContractRow) => {
    await session.commands.softDelete('documents', [row.id]);
    notifyWithUndo(`“${row.title}” moved to the trash`, () => void session.commands.restore('documents', [row.id]));
  };

  return (
    <>
      <PageHeader title="Contracts" subtitle="Creator agreements made from each creator’s negotiated terms, with fields they can sign in any PDF reader."
        actions={<>
          <ExportTableMenu size="sm" rowCount={contracts?.length ?? 0} name="contracts" sheetName="Contracts" what={['contract', 'contracts']}
            build={() => {
              const fees = new Map((engagements ?? []).map((e) => [e.id, e.terms?.fee ?? null]));
              return buildContractsTable((contracts ?? []).map((row) => ({
                title: row.title, creatorName: row.mergeValues['creator.name'] ?? '', handle: row.mergeValues['creator.handle'] ?? '', campaignName: row.mergeValues['campaign.name'] ?? '',
                fee: (row.engagementId && fees.get(row.engagementId)) || null, feeText: row.mergeValues.fee ?? '',
                status: contractStatusLabels[row.status] ?? row.status, signedBy: row.mergeValues['signed.by'] ?? '', signedOn: row.mergeValues['signed.on'] ?? '',
                signedCopy: !!row.signedAssetId, updatedAt: row.updatedAt,
              })));
            }} />
          <Button variant="default" leftSection={<IconPalette size={16} />} onClick={() => setBranding(true)}>Brand kit</Button>
          <Button variant="default" leftSection={<IconFiles size={16} />} onClick={() => setOthers(true)}>Plans, guides and forms</Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>New contracts</Button>
        </>} />
      {contracts && contracts.length === 0 && (
        <EmptyState icon={<IconFileCertificate size={28} />} title="Send your first creator agreement"
          action={<Button onClick={() => setCreating(true)}>New contracts</Button>}>
          Pick a campaign and tick the creators: Fanfare fills each contract with that creator’s fee, deliverables, due dates and usage rights,
          adds the clauses you choose (disclosure, exclusivity, termination…) and signature fields they can fill in any PDF reader.
          Preview it, save the PDF and send it; when it comes back signed, attach it here.
        </EmptyState>
      )}
      {contracts && contracts.length > 0 && (
        <Card withBorder radius="lg" p={0}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead>
              <Table.Tr><Table.Th>Creator</Table.Th><Table.Th>Campaign</Table.Th><Table.Th>Fee</Table.Th><Table.Th>Status</Table.Th><Table.Th>Updated</Table.Th><Table.Th /></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contracts.map((row) => (
                <Table.Tr key={row.id} data-testid="contract-row">
                  <Table.Td><Text fw={600} size="sm">{row.mergeValues['creator.name'] ?? row.title}</Text><Text size="xs" c="dimmed">{row.mergeValues['creator.handle']}</Text></Table.Td>
                  <Table.Td><Text size="sm">{row.mergeValues['campaign.name'] ?? '—'}</Text></Table.Td>
                  <Table.Td><Text size="sm">{row.mergeValues.fee ?? '—'}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Badge color={contractStatusColors[row.status] ?? 'gray'} variant="light">{contractStatusLabels[row.status] ?? row.status}</Badge>
                      {row.signedAssetId && <IconPaperclip size={14} aria-label="Signed copy attached" />}
                    </Group>
                    {row.mergeValues[SIGNED_BY] && <Text size="xs" c="dimmed" mt={2}>by {row.mergeValues[SIGNED_BY]}{row.mergeValues[SIGNED_ON] ? ` · ${row.mergeValues[SIGNED_ON]}` : ''}</Text>}
                    {row.signedAssetId && row.mergeValues[SIGNED_UNCHECKED] && <Text size="xs" c="orange.8" mt={2} maw={280} lineClamp={2} title={row.mergeValues[SIGNED_UNCHECKED]}>Not checked: {row.mergeValues[SIGNED_UNCHECKED]}</Text>}
                  </Table.Td>
                  <Table.Td><Text size="sm" c="dimmed">{formatEdited(row.updatedAt)}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="light" leftSection={<IconEye size={14} />} onClick={() => setPreview({ request: contractRequest(row, kit), title: row.title })}>Preview</Button>
                      <FileButton accept="application/pdf" onChange={(f) => signedCopy.choose(row, f)}>
                        {(props) => <Button {...props} size="xs" variant="default" leftSection={<IconPaperclip size={14} />}>{row.signedAssetId ? 'Replace signed copy' : 'Attach signed copy'}</Button>}
                      </FileButton>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target><ActionIcon variant="subtle" color="gray" aria-label={`More for ${row.title}`}><IconDots size={16} /></ActionIcon></Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconSend size={14} />} disabled={row.status !== 'draft'} onClick={() => void setStatus(row, 'sent')}>Mark as sent</Menu.Item>
                          <Menu.Item leftSection={<IconCheck size={14} />} disabled={row.status !== 'signed'} onClick={() => void setStatus(row, 'countersigned')}>Mark as countersigned</Menu.Item>
                          <Menu.Item leftSection={<IconTemplate size={14} />} disabled={!row.mergeValues.clauses} onClick={() => setKeeping(row)}>Save clauses as team template</Menu.Item>
                          <Menu.Divider />
                          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void trash(row).catch(reportError('The contract was not moved to the trash'))}>Move to trash</Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <NewContractsModal opened={creating} onClose={() => setCreating(false)} />
      <SaveClauseSetModal contract={keeping} onClose={() => setKeeping(null)} />
      <BrandKitModal opened={branding} onClose={() => setBranding(false)} />
      <CampaignDocumentsModal opened={others} onClose={() => setOthers(false)} />
      {signedCopy.pending && (
        <SignedCopyCheckModal fileName={signedCopy.pending.file.name} creatorName={signedCopy.pending.row.mergeValues['creator.name'] ?? ''} check={signedCopy.pending.check} busy={signedCopy.busy}
          onAnother={(file) => signedCopy.choose(signedCopy.pending!.row, file)} onAttachAnyway={signedCopy.attachAnyway} onClose={signedCopy.close} />
      )}
      <PdfPreviewModal request={preview?.request ?? null} title={preview ? `Preview · ${preview.title}` : ''} onClose={() => setPreview(null)} />
    </>
  );
}

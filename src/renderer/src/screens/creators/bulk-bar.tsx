import { ActionBar, Button, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { BulkCampaignMenu } from './bulk-campaign-menu';
import { BulkOwnerMenu } from './bulk-owner-menu';
import { BulkTagPopover } from './bulk-tag-popover';
import classes from './bulk-bar.module.css';
import type { ExportTable } from '../../../../shared/domain/table-export';
import { ExportTableMenu } from '../../components/export-table-menu';
import type { OwnerChoice } from './teammates';
import type { CampaignOption } from './use-creator-data';
import { memo } from 'react';

interface Props {
  /** Where the list starts: the bar lines up with it, clear of the notifications on the right. */
  left: number;
  count: number;
  tags: string[];
  campaigns: CampaignOption[];
  owners: OwnerChoice[];
  onTag(tag: string, remove: boolean): void;
  onAddToCampaign(campaign: CampaignOption): void;
  onAssign(owner: OwnerChoice | null): void;
  /** The name of the open saved view, for the exported file's name. */
  viewName: string | null;
  /** The selected creators with the columns on screen. */
  buildExport(): ExportTable;
  onTrash(): void;
  onClear(): void;
}

/** What can be done to the selected creators at once; every change comes with Undo. */
export const BulkBar = memo(function BulkBar({ left, count, tags, campaigns, owners, onTag, onAddToCampaign, onAssign, viewName, buildExport, onTrash, onClear }: Props) {
  return (
    <ActionBar opened={count > 0} onClose={onClear} aria-label="Selected creators" shadow="lg" radius="md" className={classes.bar} zIndex={150}
      position={{ bottom: 24, left }}>
      <Text size="sm" fw={600} px={4} className={classes.count} data-testid="selected-count">{count.toLocaleString()} selected</Text>
      <ActionBar.Divider />
      <BulkTagPopover tags={tags} onTag={onTag} />
      <BulkCampaignMenu campaigns={campaigns} onAdd={onAddToCampaign} />
      <BulkOwnerMenu owners={owners} onAssign={onAssign} />
      <ExportTableMenu variant="subtle" position="top" label="Export selected creators" name="creators" filters={[viewName]} sheetName="Creators"
        what={['creator', 'creators']} rowCount={count} build={buildExport} />
      <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={onTrash} title="Move to trash">Move to trash</Button>
      <ActionBar.Divider />
      <ActionBar.CloseButton aria-label="Clear selection" />
    </ActionBar>
  );
});

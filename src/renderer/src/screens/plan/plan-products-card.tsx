import { Card, Group, Text } from '@mantine/core';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { CatalogueProduct } from '../../../../shared/domain/campaign-products';
import { CampaignProductsEditor } from './campaign-products-editor';

/** What the campaign features, edited in place: each change is saved at once (Ctrl+Z takes it back). */
export function PlanProductsCard({ campaignId, productIds, readOnly }: { campaignId: string; productIds: string[]; readOnly: boolean }) {
  const session = useSession();
  const catalogue = useRxQuery<CatalogueProduct>('products', { selector: {}, sort: [{ name: 'asc' }] }, 'plan-products-catalogue');
  const save = (next: string[]) => {
    session.commands.update('campaigns', campaignId, { productIds: next }).catch(reportError('The products were not saved'));
  };
  return (
    <Card withBorder radius="lg" p="lg" data-testid="plan-products">
      <Group justify="space-between" mb="md">
        <Text fw={700} size="lg">Products</Text>
        {productIds.length > 0 && <Text size="sm" c="dimmed">{productIds.length} featured</Text>}
      </Group>
      <CampaignProductsEditor value={productIds} catalogue={catalogue ?? []} onChange={save} readOnly={readOnly} />
    </Card>
  );
}

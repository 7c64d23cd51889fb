import { Badge, Button, Group, Menu, Paper, Table, Text } from '@mantine/core';
import { IconPackage, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { formatMoney } from '../../../../shared/domain/fields';
import { buildProductsTable } from '../../../../shared/domain/table-exports/seeding';
import { useSession } from '../../app/workspace-context';
import { EmptyState } from '../../components/empty-state';
import { ExportTableMenu } from '../../components/export-table-menu';
import { RowActionsMenu } from '../../components/row-actions-menu';
import { notifyWithUndo } from '../../components/undo-notification';
import { ProductFormModal } from './product-form-modal';
import type { ProductRow } from './seeding-rows';

/** The seeding catalogue: what can be sent, with SKUs the shop and the warehouse know. */
export function ProductsPanel({ products, currency }: { products: ProductRow[] | null; currency: string }) {
  const session = useSession();
  const [editing, setEditing] = useState<ProductRow | null>(null);
  const [adding, setAdding] = useState(false);
  const remove = async (p: ProductRow) => {
    await session.commands.softDelete('products', [p.id]);
    notifyWithUndo(`${p.name} deleted`, () => void session.commands.restore('products', [p.id]));
  };
  const modal = <ProductFormModal opened={adding || editing !== null} onClose={() => { setAdding(false); setEditing(null); }} product={editing} defaultCurrency={currency} />;
  if (products && products.length === 0) {
    return (
      <>
        <EmptyState icon={<IconPackage />} title="No products to send yet" action={<Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>Add a product</Button>}>
          Add what you gift creators, with the SKU your shop or warehouse uses and its sizes or shades. Creators’ opt-in preferences are then matched to it, and orders export with the right SKUs.
        </EmptyState>
        {modal}
      </>
    );
  }
  return (
    <Paper withBorder radius="lg" p="md">
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">{products?.length ?? 0} products. Values are retail, for reports and customs; gifts export at no charge.</Text>
        <Group gap="xs">
          <ExportTableMenu rowCount={products?.length ?? 0} name="products" sheetName="Products" what={['product', 'products']} build={() => buildProductsTable(products ?? [])} />
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>Add a product</Button>
        </Group>
      </Group>
      <Table verticalSpacing="sm" highlightOnHover data-testid="product-table">
        <Table.Thead><Table.Tr><Table.Th>Product</Table.Th><Table.Th>SKU</Table.Th><Table.Th>Variants</Table.Th><Table.Th ta="right">Value</Table.Th><Table.Th w={40} /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {products?.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td><Text fw={600} size="sm">{p.name}</Text>{p.description && <Text size="xs" c="dimmed" lineClamp={1}>{p.description}</Text>}</Table.Td>
              <Table.Td><Text size="sm" ff="monospace">{p.sku || '—'}</Text></Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {p.variants.length === 0 && <Text size="sm" c="dimmed">One size</Text>}
                  {p.variants.slice(0, 8).map((v) => <Badge key={v.id} variant="light" color="gray" size="sm">{v.name}</Badge>)}
                  {p.variants.length > 8 && <Text size="xs" c="dimmed">+{p.variants.length - 8}</Text>}
                </Group>
              </Table.Td>
              <Table.Td ta="right"><Text size="sm">{formatMoney(p.value)}</Text></Table.Td>
              <Table.Td>
                <RowActionsMenu name={p.name}>
                  <Menu.Item onClick={() => setEditing(p)}>Edit</Menu.Item>
                  <Menu.Item color="red" onClick={() => void remove(p)}>Delete</Menu.Item>
                </RowActionsMenu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {modal}
    </Paper>
  );
}

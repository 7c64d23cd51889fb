import { useMemo } from 'react';
import { useRxQuery } from './use-rx-query';

export type CustomFieldType = 'text' | 'number' | 'yes-no';
export interface CustomFieldDef { id: string; name: string; type: CustomFieldType }

interface Row { id: string; name: string; data: { type?: unknown }; position: number }

/** The fields this workspace added to every creator (Settings → Custom fields), in the team's order. */
export function useCustomFields(): CustomFieldDef[] | null {
  const rows = useRxQuery<Row>('settings', { selector: { kind: 'custom-field', deletedAt: null }, sort: [{ position: 'asc' }] }, 'custom-fields');
  return useMemo(() => rows?.map((r) => ({
    id: r.id, name: r.name, type: r.data.type === 'number' || r.data.type === 'yes-no' ? r.data.type : 'text',
  })) ?? null, [rows]);
}

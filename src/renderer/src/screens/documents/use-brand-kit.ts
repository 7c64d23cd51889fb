import { useMemo } from 'react';
import { useWorkspace } from '../../app/workspace-context';
import { useRxQuery } from '../../hooks/use-rx-query';
import { defaultBrandKit, fontFamilies, type BrandKit, type FontFamily } from '../../../../shared/documents/model';

export interface BrandKitRecord {
  id: string;
  name: string;
  data: Record<string, unknown>;
}

export interface WorkspaceBrandKit {
  kit: BrandKit;
  /** The brand's legal name for contracts; the brand name when not set. */
  legalName: string;
  /** The settings record holding it; null until someone saves one. */
  recordId: string | null;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** The workspace's brand kit (settings kind "brand-kit"), with sensible defaults named after the workspace. */
export function useBrandKit(): WorkspaceBrandKit {
  const { current } = useWorkspace();
  const found = useRxQuery<BrandKitRecord>('settings', { selector: { kind: 'brand-kit', deletedAt: null }, sort: [{ updatedAt: 'desc' }] }, 'brand-kit');
  const record = found?.[0] ?? null;
  return useMemo(() => {
    const data = record?.data ?? {};
    const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
    const name = record?.name?.trim() || current?.name?.trim() || defaultBrandKit.name;
    const font = fontFamilies.includes(str('font') as FontFamily) ? (str('font') as FontFamily) : defaultBrandKit.font;
    const kit: BrandKit = {
      name,
      primary: HEX.test(str('primary')) ? str('primary') : defaultBrandKit.primary,
      accent: HEX.test(str('accent')) ? str('accent') : defaultBrandKit.accent,
      font,
      logoSha256: /^[a-f0-9]{64}$/.test(str('logoSha256')) ? str('logoSha256') : null,
    };
    return { kit, legalName: str('legalName') || name, recordId: record?.id ?? null };
  }, [record, current?.name]);
}

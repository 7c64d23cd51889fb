import { useState } from 'react';
import { signedCopyMessage, signedCopyWrites } from '../../../../shared/documents/attach-signed-copy';
import { checkSignedCopy, readPdfFacts, type ContractForCheck, type SignedCopyCheck } from '../../../../shared/documents/signed-copy';
import { newId } from '../../../../shared/data/ids';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { host } from '../../host';
import { fileToBase64 } from '../../host/base64';
import type { ContractRow } from './contract-row';

export const contractForCheck = (row: ContractRow): ContractForCheck => ({
  id: row.id, creatorId: row.creatorId, creatorName: row.mergeValues['creator.name'] ?? '', campaignName: row.mergeValues['campaign.name'] ?? '',
});

export interface PendingSignedCopy { row: ContractRow; file: File; check: SignedCopyCheck }

/**
 * Attaching a signed copy: the file is checked in the page before anything
 * is stored; a file that passes is attached at once, any other waits in
 * `pending` for the person to choose another file or attach it anyway.
 */
export function useSignedCopy(contracts: ContractRow[] | null | undefined) {
  const session = useSession();
  const [pending, setPending] = useState<PendingSignedCopy | null>(null);
  const [busy, setBusy] = useState(false);

  const store = async (row: ContractRow, file: File, check: SignedCopyCheck) => {
    setBusy(true);
    try {
      const stored = await host['documents-store-file']({ fileName: file.name, base64: await fileToBase64(file) });
      await session.commands.applyAll(signedCopyWrites(row, stored, check, newId()));
      setPending(null);
      notifyWithUndo(signedCopyMessage(row.title, check), () => void session.commands.undo());
    } finally {
      setBusy(false);
    }
  };

  const choose = async (row: ContractRow, file: File | null) => {
    if (!file) return;
    const byId = new Map((contracts ?? []).map((c) => [c.id, c]));
    const read = await readPdfFacts(new Uint8Array(await file.arrayBuffer()));
    const check = checkSignedCopy(read, contractForCheck(row), (id) => {
      const other = byId.get(id);
      return other ? contractForCheck(other) : null;
    });
    if (check.verdict === 'ok') await store(row, file, check);
    else setPending({ row, file, check });
  };

  return {
    pending,
    busy,
    choose: (row: ContractRow, file: File | null) => void choose(row, file).catch(reportError('The signed copy was not attached')),
    attachAnyway: () => pending && void store(pending.row, pending.file, pending.check).catch(reportError('The signed copy was not attached')),
    close: () => setPending(null),
  };
}

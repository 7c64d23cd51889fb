import { Button, Checkbox, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { newId } from '../../../../shared/data/ids';
import { defaultCodeRule } from '../../../../shared/domain/code-rules';
import { generateCodes } from '../../../../shared/domain/code-generation';
import { revokeCodeWrites } from '../../../../shared/domain/code-revocation';
import { useUndoableApply } from '../../components/use-undoable-apply';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { CodeRow, SavedRule } from './code-rows';
import { useStoreCodes } from './use-store-codes';

const reasons = ['Leaked on a coupon site', 'Creator left the program', 'Wrong discount', 'Creator asked for a new one'];

/**
 * Revoke a code (with why) and, usually, issue its replacement at once: the
 * new code points back at the old one, and both stay in the history. The old
 * code stays taken forever, since it may still be live in the store.
 */
export function RevokeCodeModal({ code, creatorName, onClose, rules, codes }: { code: CodeRow | null; creatorName: string; onClose: () => void; rules: SavedRule[]; codes: CodeRow[] }) {
  const { saving, apply } = useUndoableApply();
  const [reason, setReason] = useState('');
  const [reissue, setReissue] = useState(true);
  const [, , storeCodes] = useStoreCodes();
  const creator = useRxQuery<{ id: string; handles: string[] }>('creators', { selector: { id: code?.creatorId ?? '__none' } }, `revoke-creator-${code?.creatorId}`)?.[0];
  useEffect(() => { setReason(''); setReissue(code?.status === 'active'); }, [code]);
  if (!code) return null;
  const rule = rules.find((r) => r.id === code.ruleId)?.rule ?? { ...defaultCodeRule, discountValue: code.discount?.value ?? defaultCodeRule.discountValue };
  const [replacement] = generateCodes({
    rule, creators: [{ id: code.creatorId ?? '', name: creatorName, handle: creator?.handles[0] ?? '' }], campaign: '', year: new Date().getFullYear(),
    workspaceCodes: codes.map((c) => c.code), storeCodes,
  });
  const revoking = code.status === 'active';
  // A revoked code is opened here only to issue its replacement, so that is not a choice then.
  const issuing = revoking ? reissue : true;
  const save = async () => {
    const writes = revokeCodeWrites(code, { reason, replacement: issuing ? replacement?.code || null : null, rules, at: new Date().toISOString(), replacementId: newId() });
    // The button is disabled in both refused cases; nothing to save.
    if (!writes.ok) return;
    const done = issuing ? `${code.code} ${revoking ? 'revoked; ' : ''}${replacement.code} issued in its place` : `${code.code} revoked`;
    if (await apply(writes.operations, done, 'The code was not changed')) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={revoking ? `Revoke ${code.code}` : `Reissue ${code.code}`}>
      <Stack>
        {revoking && (
          <>
            <TextInput label="Why" placeholder="Leaked on a coupon site" data-autofocus value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={!reason.trim() ? 'Say why, for the history' : undefined} />
            <Group gap={6}>{reasons.map((r) => <Button key={r} size="compact-xs" variant="light" color="gray" onClick={() => setReason(r)}>{r}</Button>)}</Group>
            <Text size="xs" c="dimmed">Also deactivate it in your store: Fanfare cannot reach Shopify. It stays taken here, so it is never issued again.</Text>
          </>
        )}
        <Checkbox label={<>Issue a replacement for {creatorName}: <Code>{replacement?.code || '—'}</Code></>} checked={issuing} disabled={!revoking} onChange={(e) => setReissue(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color={revoking ? 'red' : undefined} loading={saving} disabled={(revoking && !reason.trim()) || (issuing && !replacement?.code)} onClick={() => void save()}>
            {revoking ? (issuing ? 'Revoke and reissue' : 'Revoke') : 'Issue the replacement'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

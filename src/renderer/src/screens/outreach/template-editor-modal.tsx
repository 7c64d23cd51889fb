import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { CommandError } from '../../../../shared/data/command-error';
import { fieldsUsed, mergeFieldCatalogue } from '../../../../shared/domain/merge-fields';
import type { ActivationModel } from '../../../../shared/domain/team-templates';
import { useSession } from '../../app/workspace-context';
import { errorFor } from '../../components/field-errors';
import { ActivationModelPicker } from '../templates/activation-model-picker';
import { templateKinds, type Template } from './use-outreach-data';

const outreachFields = mergeFieldCatalogue.filter((f) => !['opt_in_link', 'tracking_number', 'tracking_link', 'carrier'].includes(f.key));
const known = new Set(mergeFieldCatalogue.map((f) => f.key));

/** Writing a template: merge fields are inserted where the cursor is, and a misspelt one is flagged before saving. */
export function TemplateEditorModal({ opened, onClose, template, onSaved }: { opened: boolean; onClose: () => void; template: Template | null; onSaved?: (id: string) => void }) {
  const session = useSession();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string>('outreach-email');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [models, setModels] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const focused = useRef<'subject' | 'body'>('body');
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!opened) return;
    setTitle(template?.title ?? '');
    setKind(template?.templateFor || 'outreach-email');
    setSubject(template?.subject ?? '');
    setBody(template?.body ?? '');
    setModels([...(template?.activationModels ?? [])]);
    setErrors({});
  }, [opened, template]);

  const hasSubject = kind !== 'dm';
  const unknown = [...fieldsUsed(hasSubject ? subject : ''), ...fieldsUsed(body)].filter((k) => !known.has(k));

  const insert = (key: string) => {
    const target = focused.current === 'subject' && hasSubject ? subjectRef.current : bodyRef.current;
    const value = focused.current === 'subject' && hasSubject ? subject : body;
    const start = target?.selectionStart ?? value.length;
    const end = target?.selectionEnd ?? value.length;
    const next = `${value.slice(0, start)}{{${key}}}${value.slice(end)}`;
    if (focused.current === 'subject' && hasSubject) setSubject(next); else setBody(next);
    requestAnimationFrame(() => {
      target?.focus();
      const caret = start + key.length + 4;
      target?.setSelectionRange(caret, caret);
    });
  };

  const save = async () => {
    const local: Record<string, string> = {};
    if (!body.trim()) local.body = 'Write the message';
    if (Object.keys(local).length) return setErrors(local);
    setSaving(true);
    try {
      const input = { kind: 'template' as const, templateFor: kind, title, subject: hasSubject ? subject : '', body, activationModels: models as ActivationModel[] };
      if (template) {
        await session.commands.update('documents', template.id, input);
        onSaved?.(template.id);
      } else {
        const created = await session.commands.create('documents', input);
        onSaved?.(created.id);
      }
      onClose();
    } catch (error) {
      if (error instanceof CommandError) setErrors(error.fields);
      else setErrors({ title: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={template ? 'Edit template' : 'New template'} size="xl">
      <Stack>
        <Group grow align="flex-start">
          <TextInput label="Name" placeholder="Seeding invitation" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errorFor(errors, 'title')} data-autofocus />
          <Select label="Used for" data={templateKinds.map((k) => ({ ...k }))} value={kind} onChange={(v) => setKind(v ?? 'outreach-email')} allowDeselect={false} />
        </Group>
        <ActivationModelPicker value={models} onChange={setModels} error={errorFor(errors, 'activationModels')} />
        {hasSubject && (
          <TextInput ref={subjectRef} label="Subject" placeholder="{{first_name}}, can we send you our {{product}}?" value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)} onFocus={() => { focused.current = 'subject'; }} error={errorFor(errors, 'subject')} />
        )}
        <Textarea ref={bodyRef} label="Message" autosize minRows={8} maxRows={18} value={body} placeholder={'Hi {{first_name}},\n\n…'}
          onChange={(e) => setBody(e.currentTarget.value)} onFocus={() => { focused.current = 'body'; }} error={errorFor(errors, 'body')} />
        <Stack gap={6}>
          <Text size="sm" fw={600}>Insert a merge field</Text>
          <Text size="xs" c="dimmed">Each creator’s own value goes in its place. A creator without a value is held back, never sent a gap.</Text>
          <Group gap={6}>
            {outreachFields.map((f) => (
              <Badge key={f.key} variant="light" style={{ cursor: 'pointer', textTransform: 'none' }} component="button" type="button"
                title={`e.g. ${f.example}`} onClick={() => insert(f.key)}>{f.label}</Badge>
            ))}
          </Group>
        </Stack>
        {unknown.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="A merge field is not recognised">
            {unknown.map((k) => `{{${k}}}`).join(', ')}: check the spelling, or pick the field from the list above. Messages using it are held back.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()} loading={saving}>{template ? 'Save template' : 'Create template'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Box, Mark, Text, Tooltip } from '@mantine/core';
import { fieldLabel, type TemplateSegment } from '../../../../shared/domain/merge-fields';

/**
 * A rendered message with every merged value highlighted (hover says which
 * field it came from) and every missing or unknown field flagged in red, in
 * the place it would have left a gap.
 */
export function TemplatePreview({ segments, label, inline = false }: { segments: TemplateSegment[]; label: string; inline?: boolean }) {
  return (
    <Box component={inline ? 'span' : 'div'} aria-label={label} data-testid="template-preview" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6, fontSize: 'var(--mantine-font-size-sm)' }}>
      {segments.map((segment, index) => {
        if (segment.kind === 'text') return <span key={index}>{segment.text}</span>;
        if (segment.kind === 'field') {
          return (
            <Tooltip key={index} label={fieldLabel(segment.key)} withArrow openDelay={300}>
              <Mark color="teal.1" px={2} style={{ borderRadius: 4 }} data-field={segment.key}>{segment.value}</Mark>
            </Tooltip>
          );
        }
        return (
          <Text key={index} span fw={600} c="red.8" bg="red.0" px={4} style={{ borderRadius: 4, border: '1px dashed var(--mantine-color-red-5)' }} data-missing={segment.key}>
            {segment.kind === 'missing' ? `missing: ${fieldLabel(segment.key).toLowerCase()}` : `unknown field ${segment.raw}`}
          </Text>
        );
      })}
    </Box>
  );
}

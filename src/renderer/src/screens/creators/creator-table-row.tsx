import { memo, type MouseEvent } from 'react';
import { columnRules, type ColumnContext, type ColumnId } from '../../../../shared/domain/creator-columns';
import type { CreatorRow } from '../creator-row';
import { CreatorCell } from './creator-cell';
import classes from './creators-table.module.css';

interface Props {
  row: CreatorRow;
  position: number;
  columns: readonly ColumnId[];
  ctx: ColumnContext;
  selected: boolean;
  focused: boolean;
  onOpen(id: string, position: number, event: MouseEvent): void;
  onCheck(id: string, position: number, range: boolean): void;
}

/**
 * One creator in the list. Memoised, and made of plain elements: while
 * scrolling only the rows coming into view render, and each costs little.
 */
export const CreatorTableRow = memo(function CreatorTableRow({ row, position, columns, ctx, selected, focused, onOpen, onCheck }: Props) {
  return (
    <tr className={classes.row} data-testid="creator-row" data-selected={selected || undefined} data-focused={focused || undefined}
      aria-selected={selected} onClick={(event) => onOpen(row.id, position, event)}>
      <td className={`${classes.td} ${classes.pinCheck}`} onClick={(event) => { event.stopPropagation(); onCheck(row.id, position, event.shiftKey); }}>
        <input type="checkbox" className={classes.check} checked={selected} readOnly tabIndex={-1} aria-label={`Select ${row.name}`} />
      </td>
      {columns.map((column) => (
        <td key={column} className={column === 'name' ? `${classes.td} ${classes.pinName}` : classes.td} data-align={columnRules[column].align}>
          <CreatorCell row={row} column={column} ctx={ctx} />
        </td>
      ))}
    </tr>
  );
});

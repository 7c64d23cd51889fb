import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnId } from '../../../../shared/domain/creator-columns';
import { activeFilterFields, emptyFilters, type CreatorFilters } from '../../../../shared/domain/creator-filters';
import type { CreatorIndex } from '../../../../shared/domain/creator-index';
import { defaultViewState, nextSort, parseViewState, sameViewState } from '../../../../shared/domain/creator-views';
import { buildExportTable } from '../../../../shared/domain/table-export';
import { planSearch } from '../../../../shared/domain/typed-query';
import { useSession } from '../../app/workspace-context';
import { ExportTableMenu } from '../../components/export-table-menu';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import type { CreatorRow } from '../creator-row';
import { CreatorsTable, type CreatorsTableHandle } from '../creators-table';
import { BulkBar } from './bulk-bar';
import { addToCampaign, assignOwner, tagCreators, trashCreators } from './bulk-actions';
import { ColumnChooser } from './column-chooser';
import type { FilterNames } from './describe-filter';
import { countryName, languageName } from './display-names';
import { FilterPanel } from './filter-panel';
import { FilterPills } from './filter-pills';
import { FiltersButton } from './filters-button';
import { SaveViewModal } from './save-view-modal';
import { SearchInput } from './search-input';
import { ShortcutsHelp } from './shortcuts-help';
import type { OwnerChoice } from './teammates';
import { TierThresholdsModal } from './tier-thresholds-modal';
import type { CampaignOption, CreatorData, SettingRecord } from './use-creator-data';
import { useFillHeight } from './use-fill-height';
import { useListShortcuts } from './use-list-shortcuts';
import { useStableCallback } from './use-stable-callback';
import { useTableState } from './use-table-state';
import { ViewsMenu } from './views-menu';

const CREATOR_WORDS = ['creator', 'creators'] as const;

/** Keeps the selection to the creators shown: bulk actions never touch rows the person cannot see. */
function shownSelection(selected: ReadonlySet<string>, order: Int32Array, index: CreatorIndex): string[] {
  if (!selected.size) return [];
  const out: string[] = [];
  for (const i of order) if (selected.has(index.rows[i].id)) out.push(index.rows[i].id);
  return out;
}

/**
 * The creator list: search, filters, saved views, columns, the table and
 * the bulk bar. Filtering and search run on the UI thread against the
 * precomputed `CreatorIndex`; React renders them as a deferred update so
 * typing never waits for the table.
 */
export function CreatorList({ data }: { data: CreatorData & { index: CreatorIndex } }) {
  const session = useSession();
  const { index, views, campaigns, owners, thresholds, workspace } = data;
  const table = useTableState(session.id);
  const [query, setQuery] = useState('');
  const [relevance, setRelevance] = useState(true);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [focused, setFocused] = useState(-1);
  const [naming, setNaming] = useState<'new' | 'rename' | null>(null);
  const [editingTiers, setEditingTiers] = useState(false);
  const [searchReady, setSearchReady] = useState(false);
  const anchor = useRef<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<CreatorsTableHandle>(null);
  const above = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void session.searchReady.then(() => live && setSearchReady(true));
    return () => { live = false; };
  }, [session]);

  // While nobody is typing, prepare what the first quick search and the first sort of each shown column need.
  const shownColumns = table.view.columns;
  useEffect(() => {
    let handle = 0;
    const step = () => {
      handle = index.warmUp(shownColumns) ? requestIdleCallback(step, { timeout: 2_000 }) : 0;
    };
    handle = requestIdleCallback(step, { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }, [index, shownColumns]);

  // Rendered in the same task as the key press or click: the work is a few passes over flat arrays
  // plus the rows on screen, so deferring it would only add a frame or two of waiting.
  const typed = query;
  const filters = table.view.filters;
  const sort = table.view.sort;
  const active = useMemo(() => activeFilterFields(filters), [filters]);
  const pass = useMemo(() => index.filter(filters, Date.now(), active), [index, filters, active]);
  const plan = useMemo(() => planSearch(typed), [typed]);
  const searching = plan.words.length > 0;
  const prefixed = useMemo(() => (searching ? index.rowsWithWordsStartingWith(plan.words) : null), [searching, plan, index]);
  // Nobody has a word starting like that: look for near spellings (typos), best match first.
  const fullText = plan.fullText !== null && prefixed !== null && prefixed.length === 0;
  // Searched again whenever the creators change (`index`): the search index follows the same changes.
  const matches = useMemo(() => {
    if (!fullText || !plan.fullText || !searchReady) return null;
    const found = session.search.search(plan.fullText, Infinity);
    if (!plan.tail) return found;
    // The short last word was left out of the full-text search: it still has to match.
    const tail = index.wordsStartingWith(plan.tail);
    return found.filter((id) => tail[index.rowOf(id) ?? -1] === 1);
  }, [fullText, plan, searchReady, session, index]);
  const byRelevance = fullText && relevance;
  const order = useMemo(() => {
    if (!searching) return index.view(pass, sort, null, false);
    if (!fullText) return index.view(pass, sort, prefixed, false);
    return matches ? index.view(pass, sort, matches, byRelevance) : new Int32Array(0);
  }, [index, pass, sort, searching, fullText, prefixed, matches, byRelevance]);
  const viewKey = `${typed}\u0001${JSON.stringify(filters)}\u0001${sort.column}:${sort.desc}:${byRelevance}`;
  const chosen = useMemo(() => shownSelection(selected, order, index), [selected, order, index]);
  const { height, left } = useFillHeight(above, chosen.length ? 88 : 24);

  const current = views.find((v) => v.id === table.viewId) ?? null;
  const modified = current ? !sameViewState(parseViewState(current.data), table.view) : false;
  const unsavedFilters = !current && !sameViewState(defaultViewState(), table.view);

  const toTop = () => tableRef.current?.scrollToTop();
  const editTiers = useCallback(() => setEditingTiers(true), []);
  const toggleFilters = useCallback(() => setFiltersOpen((o) => !o), []);
  const changeQuery = useStableCallback((next: string) => {
    if (!query.trim() && next.trim()) setRelevance(true);
    toTop();
    setQuery(next);
  });
  const { updateFilters: update, setFilters } = table;
  const updateFilters = useCallback((change: (filters: CreatorFilters) => CreatorFilters) => {
    tableRef.current?.scrollToTop();
    update(change);
  }, [update]);
  const clearFilters = useCallback(() => {
    tableRef.current?.scrollToTop();
    setFilters(emptyFilters);
  }, [setFilters]);

  const select = useCallback((ids: string[], on: boolean) => setSelected((s) => {
    const next = new Set(s);
    for (const id of ids) if (on) next.add(id); else next.delete(id);
    return next;
  }), []);
  const clearSelection = () => {
    if (!selected.size) return false;
    setSelected(new Set());
    return true;
  };

  const rowsOf = (ids: string[]): CreatorRow[] => ids.flatMap((id) => {
    const i = index.rowOf(id);
    return i === undefined ? [] : [index.rows[i] as CreatorRow];
  });

  const trash = useStableCallback(() => {
    const ids = chosen;
    if (!ids.length) return;
    setSelected(new Set());
    void trashCreators(session, ids);
  });
  const clearChosen = useCallback(() => setSelected(new Set()), []);
  const tag = useStableCallback((name: string, remove: boolean) => void tagCreators(session, rowsOf(chosen), name, remove));
  const addTo = useStableCallback((campaign: CampaignOption) => void addToCampaign(session, chosen, campaign));
  const assign = useStableCallback((owner: OwnerChoice | null) => void assignOwner(session, rowsOf(chosen), owner));

  const exportChosen = useStableCallback(() => buildExportTable(rowsOf(chosen), table.view.columns, index.context));
  // Read when the menu opens or the file is made: the Export menu need not render again on every key press.
  const exportShown = useStableCallback(() => buildExportTable(Array.from(order, (i) => index.rows[i] as CreatorRow), table.view.columns, index.context));
  const countShown = useStableCallback(() => order.length);
  const exportFilters = useStableCallback(() => [current?.name, searching && typed]);

  useListShortcuts({
    focusSearch: () => searchRef.current?.focus(),
    toggleFilters,
    selectAll: () => setSelected(new Set(Array.from(order, (i) => index.rows[i].id))),
    clearSelection,
    trashSelected: trash,
  });

  const saveView = async (name: string) => {
    if (naming === 'rename' && current) {
      await session.commands.update('settings', current.id, { name });
      return;
    }
    const record = await session.commands.create('settings', { kind: 'saved-view', name, data: { ...table.view } });
    table.attach(record.id);
    notifications.show({ message: `Saved the view “${name}”; your team sees it too.`, autoClose: 4000 });
  };
  const saveChanges = useStableCallback(() => {
    if (!current) return;
    void session.commands.update('settings', current.id, { data: { ...table.view } })
      .then(() => notifications.show({ message: `Saved changes to “${current.name}”.`, autoClose: 3000 }), reportError('Could not save the view'));
  });
  const saveNew = useCallback(() => setNaming('new'), []);
  const rename = useCallback(() => setNaming('rename'), []);
  const deleteView = useStableCallback(() => {
    if (!current) return;
    const view = current;
    void session.commands.softDelete('settings', [view.id]).then(() => {
      table.attach(null);
      notifyWithUndo(`Deleted the view “${view.name}”`, () => void session.commands.restore('settings', [view.id]).then(() => table.attach(view.id)));
    }, reportError('Could not delete the view'));
  });
  const openView = useStableCallback((view: SettingRecord | null) => {
    toTop();
    table.open(view?.id ?? null, view ? parseViewState(view.data) : defaultViewState());
    setFocused(-1);
  });

  const names = useMemo<FilterNames>(() => ({
    label: (field, value) => index.labelOf(field, value),
    country: countryName,
    language: languageName,
    owner: (id) => owners.find((o) => o.id === id)?.name ?? 'Unknown teammate',
    campaign: (id) => campaigns.find((c) => c.id === id)?.name ?? 'a campaign',
    step: (id) => campaigns.flatMap((c) => c.steps).find((s) => s.id === id)?.name ?? id,
    nanoThreshold: thresholds.nano,
  }), [index, owners, campaigns, thresholds]);

  const hiddenColumns = useMemo(() => {
    const hidden = new Set<ColumnId>();
    if (!index.hasVetting) hidden.add('vetting');
    if (!index.hasPosts) { hidden.add('posts'); hidden.add('postEngagement'); hidden.add('onTime'); }
    return hidden;
  }, [index]);
  const allTags = useMemo(() => index.options('tags').map((o) => o.label), [index]);

  const empty = fullText && !searchReady ? <Text c="dimmed" size="sm">Getting search ready…</Text> : (
    <Stack align="center" gap={6}>
      <Title order={4}>No creator matches</Title>
      <Text size="sm" c="dimmed" maw={440}>
        {searching ? `Nothing for “${typed.trim()}”${active.length ? ' with these filters' : ''}. Check the spelling, or search by @handle, email or tag.`
          : 'Try fewer filters, or a wider range.'}
      </Text>
      <Group gap="xs">
        {searching && <Button size="xs" variant="default" onClick={() => changeQuery('')}>Clear search</Button>}
        {active.length > 0 && <Button size="xs" variant="default" onClick={clearFilters}>Clear filters</Button>}
      </Group>
    </Stack>
  );

  return (
    <>
      <div ref={above}>
        <Group gap="xs" mb="sm">
          <ViewsMenu views={views} current={current} modified={modified} onOpen={openView} onSaveNew={saveNew}
            onSaveChanges={saveChanges} onRename={rename} onDelete={deleteView} />
          <SearchInput ref={searchRef} value={query} onChange={changeQuery} />
          <FiltersButton active={active.length} open={filtersOpen} onToggle={toggleFilters} />
          <ColumnChooser columns={table.view.columns} onChange={table.setColumns} hidden={hiddenColumns} />
          {(modified || unsavedFilters) && (
            <Button size="xs" variant="subtle" leftSection={<IconDeviceFloppy size={16} />} onClick={() => (modified ? saveChanges() : setNaming('new'))}>
              {modified ? 'Save changes' : 'Save view'}
            </Button>
          )}
          <Group gap="xs" ml="auto" wrap="nowrap">
            {(searching || active.length > 0) && (
              <Badge variant="light" color="gray" size="lg" tt="none" fw={500} data-testid="shown-count">
                {order.length.toLocaleString()} of {index.size.toLocaleString()}
              </Badge>
            )}
            {/* Everyone shown, in the list's order and columns; the bulk bar exports a selection. */}
            <ExportTableMenu name="creators" filters={exportFilters} sheetName="Creators" what={CREATOR_WORDS}
              rowCount={order.length ? countShown : 0} build={exportShown} />
            <ShortcutsHelp />
          </Group>
        </Group>
        {filtersOpen && (
          <FilterPanel filters={table.view.filters} onChange={updateFilters} onClear={clearFilters} index={index} campaigns={campaigns}
            owners={owners} thresholds={thresholds} onEditTiers={editTiers} />
        )}
        <FilterPills filters={table.view.filters} active={active} names={names} onChange={updateFilters} onClear={clearFilters} />
      </div>
      <CreatorsTable ref={tableRef} index={index} order={order} columns={table.view.columns} sort={byRelevance ? null : sort}
        onSort={(column) => { setRelevance(false); toTop(); table.setSort(byRelevance ? nextSort({ column: 'name', desc: true }, column) : nextSort(sort, column)); }}
        selected={selected} selectedShown={chosen.length} onSelect={select} anchor={anchor} focused={focused} onFocusChange={setFocused}
        height={height} viewKey={viewKey} empty={empty} />
      <BulkBar left={left} count={chosen.length} tags={allTags} campaigns={campaigns} owners={owners}
        onTag={tag} onAddToCampaign={addTo} onAssign={assign} viewName={current?.name ?? null} buildExport={exportChosen} onTrash={trash} onClear={clearChosen} />
      {naming && (
        <SaveViewModal mode={naming} initialName={naming === 'rename' ? current?.name ?? '' : ''} onSave={saveView} onClose={() => setNaming(null)}
          takenNames={views.filter((v) => v.id !== (naming === 'rename' ? current?.id : null)).map((v) => v.name)} />
      )}
      {editingTiers && <TierThresholdsModal thresholds={thresholds} workspace={workspace} onClose={() => setEditingTiers(false)} />}
    </>
  );
}


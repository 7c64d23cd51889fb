import { useState } from 'react';
import { parseCsv } from '../../../shared/import/csv';
import type { Table } from '../../../shared/import/types';

/**
 * A CSV chosen in a dialog, read in the page and turned into a plan to show
 * before anything is saved. A file the plan refuses (its `fileError`) shows
 * that error's own words; any other failure says the file could not be read.
 */
export function useCsvPlan<P>(planOf: (table: Table) => P, fileError: new (message?: string) => Error) {
  const [plan, setPlan] = useState<P | null>(null);
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reset = () => { setPlan(null); setError(null); setFileName(''); };
  const read = async (file: File | null) => {
    if (!file) return;
    setFileName(file.name);
    setPlan(null);
    setError(null);
    try {
      setPlan(planOf(parseCsv(new Uint8Array(await file.arrayBuffer()))));
    } catch (e) {
      setError(e instanceof fileError ? e.message : `This file could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return { plan, fileName, error, read, reset };
}

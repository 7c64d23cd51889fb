import { readOptInAnswers, type OptInAnswers } from './opt-in-form';
import { PDFCheckBox, PDFDocument, PDFDropdown, PDFOptionList, PDFRadioGroup, PDFTextField } from 'pdf-lib';

/**
 * Reads the fields of a filled-in PDF form: text as text, ticks as true or
 * false, choices as the chosen option. Works on any reader's output, not
 * only on what Fanfare wrote.
 */
export async function readFormFields(bytes: Uint8Array): Promise<Record<string, string | boolean>> {
  return fieldValues(await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false }));
}

/** The form fields of a loaded PDF (see readFormFields). */
export function fieldValues(doc: PDFDocument): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const field of doc.getForm().getFields()) {
    const name = field.getName();
    if (field instanceof PDFTextField) values[name] = field.getText() ?? '';
    else if (field instanceof PDFCheckBox) values[name] = field.isChecked();
    else if (field instanceof PDFDropdown) values[name] = field.getSelected().join(', ');
    else if (field instanceof PDFOptionList) values[name] = field.getSelected().join(', ');
    else if (field instanceof PDFRadioGroup) values[name] = field.getSelected() ?? '';
  }
  return values;
}

/** A returned opt-in form, read into answers (address, sizes, products, agreement). */
export async function readOptInForm(bytes: Uint8Array): Promise<OptInAnswers> {
  return readOptInAnswers(await readFormFields(bytes));
}

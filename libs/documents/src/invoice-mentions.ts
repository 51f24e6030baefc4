import { PrintableDocument } from './printable-document';

export function invoiceMentions(_doc: PrintableDocument): string[] {
  return [];
}

import { PrintableDocument } from './printable-document';

export function renderDocumentHtml(_doc: PrintableDocument): string {
  return '<!doctype html><html lang="fr"><body></body></html>';
}

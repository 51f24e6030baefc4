import { ApiError, companyStore } from '../../lib/api';

/** The FEC export URL of a fiscal year. */
export const fecUrl = (fiscalYear: number) => `/api/v1/exports/fec?fiscalYear=${fiscalYear}`;

/** `attachment; filename="123456782FEC20261231.txt"` → the name the server chose. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Downloads a streamed file while reporting the bytes received so far: the server writes the FEC as
 * it reads the books and cannot announce its length, so progress is a byte count, not a percentage.
 * The bytes are kept as received (ISO-8859-15) and handed to the browser as a file once complete.
 */
export async function downloadStreamed(url: string, fallbackName: string, onProgress: (bytes: number) => void, signal?: AbortSignal): Promise<{ fileName: string; bytes: number }> {
  const company = companyStore.get();
  const response = await fetch(url, { credentials: 'same-origin', headers: company ? { 'Comptoir-Company': company } : {}, ...(signal ? { signal } : {}) });
  if (!response.ok || !response.body) {
    const text = await response.text();
    throw new ApiError(response.status, text ? JSON.parse(text) : undefined);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    onProgress(bytes);
  }
  const fileName = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  const href = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get('Content-Type') ?? 'text/plain' }));
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return { fileName, bytes };
}

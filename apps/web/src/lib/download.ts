import { ApiError, companyStore } from './api';

/** Fetches a file with the session and company header, then hands it to the browser as a download. */
export async function downloadFile(url: string, filename: string): Promise<void> {
  const company = companyStore.get();
  const response = await fetch(url, { credentials: 'same-origin', headers: company ? { 'Comptoir-Company': company } : {} });
  if (!response.ok) {
    const text = await response.text();
    throw new ApiError(response.status, text ? JSON.parse(text) : undefined);
  }
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

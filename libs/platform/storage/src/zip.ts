import archiver from 'archiver';

export interface ZipEntry {
  path: string;
  bytes: Buffer;
}

/**
 * The files zipped (deflate) in memory, for downloads of a few MB (SEPA files, closing archives). Every
 * entry carries the given date, so the same files give the same bytes whenever they are zipped.
 */
export async function zipFiles(files: ZipEntry[], date: Date): Promise<Buffer> {
  const zip = archiver('zip', { zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  zip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.on('warning', reject);
  });
  for (const file of files) zip.append(file.bytes, { name: file.path, date });
  await zip.finalize();
  await done;
  return Buffer.concat(chunks);
}

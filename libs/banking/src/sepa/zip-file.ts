import archiver from 'archiver';

/** One file zipped (deflate) in memory: SEPA files are a few MB at most once stored. */
export async function zipOne(name: string, bytes: Buffer, date: Date): Promise<Buffer> {
  const zip = archiver('zip', { zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  zip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    zip.on('end', resolve);
    zip.on('error', reject);
  });
  zip.append(bytes, { name, date });
  await zip.finalize();
  await done;
  return Buffer.concat(chunks);
}

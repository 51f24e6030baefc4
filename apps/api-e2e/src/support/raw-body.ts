/** The response stream as supertest hands it to a parser. */
interface BodyStream {
  on(event: 'data' | 'end', listener: (chunk: Buffer) => void): unknown;
}

/**
 * A supertest parser that keeps the body as the bytes sent (PDFs, zip archives), for
 * `.buffer(true).parse(rawBody)`: `res.body` is then a Buffer.
 */
export function rawBody(res: BodyStream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

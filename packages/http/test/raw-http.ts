import { connect } from 'node:net';

/**
 * Sends `request` as raw bytes to the app at `url` and resolves with everything the server
 * writes until it closes the connection (send `Connection: close`) or stays silent for `idleMs`.
 * A raw socket shows what node's client hides: framing headers, bytes after a HEAD or a 304.
 */
export function rawExchange(url: string, request: string, idleMs = 500): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const done = () => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    socket.setTimeout(idleMs, done);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', done);
    socket.on('error', reject);
    socket.write(request);
  });
}

/** The first response of a raw exchange: its status, its header fields (lower-case names) and what follows. */
export function parseResponse(text: string): { status: number; headers: Array<[string, string]>; rest: string } {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, end === -1 ? text.length : end).split('\r\n');
  const headers = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
  });
  return { status: Number(statusLine.split(' ')[1]), headers, rest: end === -1 ? '' : text.slice(end + 4) };
}

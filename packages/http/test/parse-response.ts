/**
 * The first response in raw bytes read off the wire: its status, its header fields (lower-case
 * names, in order, repeats kept) and whatever follows the head.
 */
export function parseResponse(text: string): { status: number; headers: Array<[string, string]>; rest: string } {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, end === -1 ? text.length : end).split('\r\n');
  const headers = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
  });
  return { status: Number(statusLine.split(' ')[1]), headers, rest: end === -1 ? '' : text.slice(end + 4) };
}

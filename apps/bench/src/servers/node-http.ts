import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { announce, storedItem } from './item.js';

// The floor: what node:http does with no framework at all (hand-picked fields, no validation).
const server = createServer((req, res) => {
  if (req.method !== 'GET' || !req.url?.startsWith('/items/')) {
    res.writeHead(404).end();
    return;
  }
  const { id, name, price } = storedItem;
  const body = JSON.stringify({ id, name, price });
  res.writeHead(200, {
    'content-type': 'application/json',
    'x-ratelimit-remaining': '99',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => announce(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));

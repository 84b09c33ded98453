import type { OutgoingBody } from '@herald/http';

/** Bytes of body sent so far; a stream's count grows as it is written. */
export interface BodyMeter {
  bytes: number;
}

/**
 * Measures what `body` will send: at once for text and bytes, chunk by chunk for a stream, whose
 * replacement (to write instead of `body`) counts each chunk as the adapter pulls it — so the
 * access line of a stream cut short logs what was actually produced.
 *
 * @example
 * ```ts
 * const { meter, body } = countBodyBytes(outgoing.body);
 * outgoing.body = body;
 * ```
 */
export function countBodyBytes(body: OutgoingBody): { meter: BodyMeter; body: OutgoingBody } {
  if (body === null) return { meter: { bytes: 0 }, body };
  if (typeof body === 'string') return { meter: { bytes: Buffer.byteLength(body) }, body };
  if (body instanceof Uint8Array) return { meter: { bytes: body.byteLength }, body };
  const meter = { bytes: 0 };
  return { meter, body: counted(body, meter) };
}

async function* counted(
  body: AsyncIterable<string | Uint8Array>,
  meter: BodyMeter,
): AsyncIterable<string | Uint8Array> {
  for await (const chunk of body) {
    meter.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    yield chunk;
  }
}

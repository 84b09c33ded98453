/**
 * The deepest JSON body accepted, in nested arrays and objects. A request body is the client's:
 * past a few thousand levels V8's recursive `JSON.stringify`, ajv's validators and any recursive
 * code of the app's overflow the stack, so a hostile body would turn into a 500 (and an error
 * log) instead of a client error. 1,000 is Jackson's default `maxNestingDepth`, far beyond any
 * real document.
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * Whether `text` nests arrays or objects deeper than `max`, brackets inside strings ignored.
 * One pass over the text; a body shorter than `2 * max` bytes cannot nest that deep, so the
 * usual small body is not scanned at all.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  if (text.length <= 2 * max) return false;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      // A backslash escapes the next character: `\"` does not end the string.
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > max) return true;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return false;
}

/**
 * Where Starlette's `redirect_slashes` sends a path no route matches: the same path without its
 * trailing slashes, or with one added (`/items/` ↔ `/items`). `undefined` for the root, for a
 * request target not in origin form (`*`, `http://…`), and for a form that would begin with `//`
 * or `/\`, which a browser reads as another host: the redirect must never leave the site.
 * Whether a route answers the form is the caller's to check.
 *
 * @example
 * ```ts
 * otherSlashForm('/items/'); // '/items'
 * otherSlashForm('/items'); // '/items/'
 * otherSlashForm('//evil.example'); // undefined
 * ```
 */
export function otherSlashForm(path: string): string | undefined {
  const other = path.endsWith('/') ? withoutTrailingSlashes(path) : `${path}/`;
  // Origin form only, which also leaves out the root and `//`, stripped to nothing; never `//`
  // or `/\`.
  return other[0] === '/' && other[1] !== '/' && other[1] !== '\\' ? other : undefined;
}

/**
 * `path` up to its last character that is not a slash. A scan from the end, not `/\/+$/`: on a
 * path of many slashes then another character, each slash would start a match that runs to it
 * and fails, quadratic in the slashes (0.35 s for a 16 KiB path).
 */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
  return path.slice(0, end);
}

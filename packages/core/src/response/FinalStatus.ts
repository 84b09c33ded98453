type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

// `${infer N extends number}` turns each of the 400 strings "200" … "599" back into its number
// literal: the union says exactly what `assertStatus` accepts at run time, without a 400-line list.
type ToNumber<Text> = Text extends `${infer N extends number}` ? N : never;

/**
 * A final status: an integer from 200 to 599, the statuses `assertStatus` accepts. Every place
 * a status is chosen — the temporal `Response`, a route's `status`, a response class,
 * `HTTPException` — takes this type, so `404` compiles and `4040` or `103` does not. A status
 * computed at run time (a `number`) is narrowed by `assertStatus`, which throws unless it is one.
 *
 * @example
 * ```ts
 * const notFound: FinalStatus = 404;
 * // @ts-expect-error not a status
 * const typo: FinalStatus = 4040;
 * const fromConfig: number = config.status;
 * assertStatus(fromConfig); // now typed FinalStatus, or thrown
 * ```
 */
export type FinalStatus = ToNumber<`${2 | 3 | 4 | 5}${Digit}${Digit}`>;

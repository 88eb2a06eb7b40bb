/** Far deeper than any request body needs; class-transformer and JSON.stringify overflow the stack near 3,000. */
export const MAX_BODY_DEPTH = 64;

/** Whether a parsed JSON body nests arrays/objects more than `max` levels (iterative: no recursion to overflow). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    // Only parsed JSON: a streamed upload is not walked.
    const proto = Object.getPrototypeOf(v) as unknown;
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

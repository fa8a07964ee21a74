/**
 * Parse data with a zod schema and report every issue at once as `file:line › dotted.path: message`.
 * After Starlight's `parseWithFriendlyErrors` (withastro/starlight, packages/starlight/utils/error-map.ts).
 */
import type { z } from 'astro/zod';
import { LineCounter, parseDocument, isNode } from 'yaml';

/** An error in curated data or a seed, with the place to fix it. */
export class DataError extends Error {
  override name = 'DataError';
}

/** Validate already-parsed data; `where` names the file (and optionally a key path prefix). */
export function parseWithFriendlyErrors<S extends z.ZodType>(
  schema: S,
  data: unknown,
  where: string,
  locate: (path: PropertyKey[]) => string = () => where,
): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    return `${locate(issue.path)} › ${path}: ${issue.message}`;
  });
  throw new DataError(`invalid data in ${where}:\n  ${lines.join('\n  ')}`);
}

/** Parse YAML text and validate it; errors give the YAML line of each bad value. */
export function parseYamlWithFriendlyErrors<S extends z.ZodType>(schema: S, text: string, file: string): z.infer<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    throw new DataError(`${file}:${pos?.line ?? 1}:${pos?.col ?? 1}: YAML syntax error: ${e.message.split('\n')[0]}`);
  }
  const locate = (path: PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
      if (isNode(node) && node.range) return `${file}:${lineCounter.linePos(node.range[0]).line}`;
    }
    return file;
  };
  return parseWithFriendlyErrors(schema, doc.toJS() ?? {}, file, locate);
}

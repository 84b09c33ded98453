import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A fenced code block of a markdown page. */
export interface CodeBlock {
  /** The page, relative to the repository root, e.g. `docs/cookies.md`. */
  page: string;
  /** 1-based line of the block's first content line (the line after the opening fence). */
  line: number;
  /** The info string's first word, e.g. `ts`, `http`, `json`. */
  language: string;
  /** The info string's other words, e.g. `fragment`, `tsconfig`. */
  flags: string[];
  code: string;
}

/** A ```ts block that is a complete ESM program, with the ```http blocks that follow it. */
export interface Program {
  block: CodeBlock;
  /** Replayed against the program once it listens; none means it must run to completion. */
  exchanges: CodeBlock[];
  /** `page:line`, what failures and test names show. */
  name: string;
  /** The file the program is written to, e.g. `cookies-L12`. */
  stem: string;
}

const FENCE = /^```(.*)$/;

/** Every fenced block of `text`, in order. Fences must start at column 0; nesting is not supported. */
export function codeBlocks(page: string, text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const [language = '', ...flags] = (open[1] ?? '').trim().split(/\s+/);
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++;
    if (end >= lines.length) throw new Error(`${page}:${i + 1}: a code fence is never closed`);
    blocks.push({ page, line: start + 1, language, flags, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** The markdown pages of `dir`, sorted, as paths relative to `root`. */
export function markdownPages(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => relative(root, join(root, dir, file)));
}

const TS = new Set(['ts', 'typescript']);

/**
 * The programs of the pages: every ```ts block not marked `fragment`. A ```http block belongs to
 * the last program above it on the same page; one before any program is an error, so an example
 * request can never go unchecked.
 */
export function programsOf(root: string, pages: readonly string[]): Program[] {
  const programs: Program[] = [];
  for (const page of pages) {
    let current: Program | undefined;
    for (const block of codeBlocks(page, readFileSync(join(root, page), 'utf8'))) {
      if (TS.has(block.language) && !block.flags.includes('fragment')) {
        const stem = `${page
          .replace(/^docs\//, '')
          .replace(/\.md$/, '')
          .replace(/[^A-Za-z0-9]+/g, '-')}-L${block.line}`;
        current = { block, exchanges: [], name: `${page}:${block.line}`, stem };
        programs.push(current);
      } else if (block.language === 'http') {
        if (!current) throw new Error(`${page}:${block.line}: an http block with no program above it to run against`);
        current.exchanges.push(block);
      }
    }
  }
  return programs;
}

/** The tsconfig a user writes, from the ```json tsconfig block of `page`. */
export function userTsconfig(root: string, page: string): Record<string, unknown> {
  const block = codeBlocks(page, readFileSync(join(root, page), 'utf8')).find(
    (candidate) => candidate.language === 'json' && candidate.flags.includes('tsconfig'),
  );
  if (!block) throw new Error(`${page} has no \`\`\`json tsconfig block`);
  return JSON.parse(block.code) as Record<string, unknown>;
}

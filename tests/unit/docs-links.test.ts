/**
 * The map stays walkable: every relative link in the repository's Markdown (README.md, docs/,
 * infra/README.md, miniapp/README.md and any new one) names a file or folder that exists in the
 * repository. Links that leave it (`../shared/…`, absolute paths) fail too: a reader of a clone
 * has only the repository; and docs/ links only within docs/, which is read on its own.
 * Anchors (`#section`) are not checked; web links are not followed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/process.js';

/** Markdown files in the repository: tracked, plus new ones not yet added (ignored ones left out). */
const markdownFiles = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], { cwd: repoRoot, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && existsSync(join(repoRoot, f)));

/** Link targets of a Markdown text: inline `[text](target)` and reference `[id]: target`, outside code. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  const inline = [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const reference = [...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1]!);
  return [...inline, ...reference];
}

/** Why a link from `file` (repository-relative) to `target` is broken, or null when it is fine. */
function brokenLink(file: string, target: string, exists: (path: string) => boolean): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return null; // https:, mailto:, an anchor
  const path = decodeURIComponent(target.split('#')[0]!.split('?')[0]!);
  if (isAbsolute(path) || path.startsWith('/') || path.startsWith('~')) return `${target}: an absolute path, outside any clone`;
  const inRepo = normalize(join(dirname(file), path));
  if (inRepo === '..' || inRepo.startsWith(`..${sep}`)) return `${target}: outside the repository`;
  // docs/ stands alone (it is what gets published and read on its own): what it needs is written into it.
  if (file.startsWith(`docs${sep}`) && !inRepo.startsWith(`docs${sep}`)) return `${target}: leaves docs/; write what it says into docs/`;
  return exists(inRepo) ? null : `${target}: no such file (${inRepo})`;
}

describe('links in the Markdown', () => {
  it('finds the repository\'s documents', () => {
    expect(markdownFiles).toEqual(expect.arrayContaining(['README.md', 'docs/design.md', 'docs/api.md', 'infra/README.md']));
  });

  it('every relative link points at a file in the repository', () => {
    const broken = markdownFiles.flatMap((file) =>
      linkTargets(readFileSync(join(repoRoot, file), 'utf8'))
        .map((t) => brokenLink(file, t, (p) => existsSync(join(repoRoot, p))))
        .filter((why): why is string => why !== null)
        .map((why) => `${file}: ${why}`),
    );
    expect(broken).toEqual([]);
  });

  it('the checker itself: refuses what leaves the repository or is missing, passes the rest', () => {
    const exists = (p: string) => ['docs/api.md', 'README.md', 'functions'].includes(p);
    const md = '[a](api.md) [b](../README.md#run-it) [c](https://example.com) [d](#top) [e](../../shared/STYLE.md) [f](/etc/passwd) [g](nope.md) `[h](ignored.md)`\n[r]: ../functions\n```\n[i](in-code.md)\n```\n';
    expect(linkTargets(md)).toEqual(['api.md', '../README.md#run-it', 'https://example.com', '#top', '../../shared/STYLE.md', '/etc/passwd', 'nope.md', '../functions']);
    const why = linkTargets(md).map((t) => brokenLink('docs/design.md', t, exists));
    const leaves = 'leaves docs/; write what it says into docs/';
    expect(why.map((w) => (w === null ? 'ok' : w.split(': ').slice(1).join(': ')))).toEqual(['ok', leaves, 'ok', 'ok', 'outside the repository', 'an absolute path, outside any clone', 'no such file (docs/nope.md)', leaves]);
    // The same links from the README, which is not docs/: within the repository is enough there.
    expect(['docs/api.md', 'functions'].map((t) => brokenLink('README.md', t, exists))).toEqual([null, null]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docsPaths, renderMarkdown, renderOpenApi } from '../../scripts/api-docs.js';

describe('the API reference', () => {
  it('docs/openapi.json and the route list in docs/api.md match the contract (run `npm run docs`)', () => {
    expect(readFileSync(docsPaths.openapi, 'utf8')).toBe(renderOpenApi());
    const md = readFileSync(docsPaths.markdown, 'utf8');
    expect(md).toBe(renderMarkdown(md));
  });
});

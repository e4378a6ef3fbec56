import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };
import { ACCOUNT_STATUSES, CONTACT_ROLES, DATE_FORMATS, IMPORT_KINDS, LIFECYCLE_STAGES, ROLES, TIERS } from '@northstar/contracts';
import { pickLanguage } from './language';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const enKeys = flatten(en as Tree);
  const zhKeys = flatten(zhCN as Tree);

  it('en and zh-CN have exactly the same keys', () => {
    assert.deepEqual([...zhKeys.keys()].sort(), [...enKeys.keys()].sort());
  });

  it('has no empty translation', () => {
    for (const [locale, keys] of [
      ['en', enKeys],
      ['zh-CN', zhKeys],
    ] as const) {
      for (const [key, value] of keys) assert.ok(value.trim().length > 0, `${locale}: ${key} is empty`);
    }
  });

  it('uses the same {{placeholders}} in both languages', () => {
    for (const [key, value] of enKeys) assert.deepEqual(placeholders(zhKeys.get(key) ?? ''), placeholders(value), key);
  });

  it('defines every static key the source code asks for', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const missing: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
          // Only literal keys: template keys (`stages.${s}`) are covered by the enum tests below.
          for (const m of fs.readFileSync(full, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g))
            if (!enKeys.has(m[1]!)) missing.push(`${entry.name}: ${m[1]}`);
        }
      }
    };
    walk(root);
    assert.deepEqual(missing, []);
  });

  it('names every value of the enums the UI translates', () => {
    const expected = [
      ...TIERS.map((v) => `tiers.${v}`),
      ...LIFECYCLE_STAGES.map((v) => `stages.${v}`),
      ...ACCOUNT_STATUSES.map((v) => `statuses.${v}`),
      ...ROLES.map((v) => `roles.${v}`),
      ...CONTACT_ROLES.map((v) => `contactRoles.${v}`),
      ...DATE_FORMATS.map((v) => `imports.dateFormats.${v}`),
      ...IMPORT_KINDS.flatMap((v) => [`imports.kinds.${v}`, `imports.fileHint.${v}`]),
      ...['create', 'update', 'unchanged'].map((v) => `imports.actions.${v}`),
      ...['choose', 'review', 'done'].map((v) => `imports.steps.${v}`),
      ...[1, 2, 3, 4, 5].map((v) => `contacts.strength.${v}`),
      ...['tokens', 'writeKeys'].flatMap((k) =>
        ['title', 'description', 'placeholder', 'create', 'empty'].map((v) => `admin.keys.${k}.${v}`),
      ),
    ];
    assert.deepEqual(
      expected.filter((key) => !enKeys.has(key)),
      [],
    );
  });

  it('picks zh-CN for Chinese browsers unless a choice was stored', () => {
    assert.equal(pickLanguage(null, ['zh-TW', 'en']), 'zh-CN');
    assert.equal(pickLanguage(null, ['en-GB']), 'en');
    assert.equal(pickLanguage('en', ['zh-CN']), 'en');
    assert.equal(pickLanguage('fr', ['zh']), 'zh-CN');
  });
});

#!/usr/bin/env node
// Derives Repère's compact administrative geography from the npm package
// @etalab/decoupage-administratif (MIT): current communes with their postal codes, EPCI and
// département, plus the codes that still point to a current commune (former communes,
// municipal arrondissements of Paris, Lyon, Marseille, communes déléguées).
//
//   npm pack @etalab/decoupage-administratif && tar xzf etalab-decoupage-administratif-*.tgz
//   node tools/geography/derive.mjs package > \
//     diagnostic-core/src/main/resources/fr/repere/directory/geography.tsv  && gzip -9n …
//
// (see README.md beside this script). Output: UTF-8, tab-separated, one record per line, sorted:
//   #  comment lines (source package and version)
//   D  code  nom                                   a département
//   E  code  nom                                   an EPCI (SIREN)
//   C  code  nom  codes postaux (comma)  epci  dep  a current commune (epci empty if none)
//   A  code  current commune code                  another code that means that commune
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node derive.mjs <unpacked package folder>');
  process.exit(2);
}
const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const pkg = read('package.json');
const communes = read('data/communes.json');
const epcis = read('data/epci.json');
const departements = read('data/departements.json');

const clean = (s) => String(s).replace(/[\t\r\n]/g, ' ');
const epciOf = new Map();
for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);

const out = [];
out.push(`# ${pkg.name} ${pkg.version} (${pkg.license}), derived by tools/geography/derive.mjs`);
for (const d of [...departements].sort((a, b) => a.code.localeCompare(b.code))) out.push(['D', d.code, clean(d.nom)].join('\t'));
for (const e of [...epcis].sort((a, b) => a.code.localeCompare(b.code))) out.push(['E', e.code, clean(e.nom)].join('\t'));
const current = communes.filter((c) => c.type === 'commune-actuelle').sort((a, b) => a.code.localeCompare(b.code));
const currentCodes = new Set(current.map((c) => c.code));
for (const c of current) {
  out.push(['C', c.code, clean(c.nom), (c.codesPostaux || []).join(','), epciOf.get(c.code) || '', c.departement].join('\t'));
}
const aliases = new Map();
for (const c of current) for (const old of c.anciensCodes || []) if (!currentCodes.has(old)) aliases.set(old, c.code);
for (const c of communes) {
  if (c.type === 'arrondissement-municipal' && c.commune) aliases.set(c.code, c.commune);
  if (c.type === 'commune-deleguee' || c.type === 'commune-associee') {
    const parent = c.chefLieu || c.commune;
    if (parent && !currentCodes.has(c.code) && currentCodes.has(parent)) aliases.set(c.code, parent);
  }
}
for (const [code, to] of [...aliases].sort((a, b) => a[0].localeCompare(b[0]))) out.push(['A', code, to].join('\t'));
process.stdout.write(out.join('\n') + '\n');

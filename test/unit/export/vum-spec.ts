// Loads the public VUM OpenAPI specs from ../shared/reference/vum (never copied into the
// project) and compiles validators for the POST bodies of werkzoekenden and vacatures.
//
// The specs model polymorphism the way springdoc generates it: a parent (Beroepsnaam, Adres,
// AdresDetailsNederland, ...) is `oneOf` its variants, and each variant is `allOf` [parent,
// own properties]. Read literally that is a cycle (parent -> variant -> parent) and, with open
// objects, every object matches every variant, so `oneOf` could never pass. We resolve it the
// way the generator means it (deduction by property name, as Jackson does): each variant drops
// the back-reference to its parent, takes its own properties and is closed, so an object
// matches exactly the variant whose properties it carries.
// Every other object schema is closed too: stricter than the spec, so a misspelt property name
// fails here instead of being silently ignored by the receiver.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { REPO } from '../helpers.js';

type Schema = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const VUM_DIR = resolve(REPO, '../shared/reference/vum');
export const SPECS = {
  werkzoekenden: { file: 'UM-Gemeente-WerkzoekendenProfielen-0.8.7.yaml', path: '/werkzoekende/lijst/{oin}' },
  vacatures: { file: 'UM-Gemeente-Vacatures-0.8.2.yaml', path: '/vacature/lijst/{oin}' },
} as const;

function refName(s: unknown): string | null {
  const ref = (s as Schema | null)?.$ref;
  return typeof ref === 'string' ? ref.replace('#/components/schemas/', '') : null;
}

function closeObjects(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(closeObjects);
  const s = node as Schema;
  if (s.properties && s.additionalProperties === undefined && !s.allOf && !s.oneOf) s.additionalProperties = false;
  for (const v of Object.values(s)) closeObjects(v);
}

/** The components of a spec with polymorphism resolved as described above. */
export function resolvedComponents(spec: Schema): Record<string, Schema> {
  const schemas = structuredClone((spec.components as Schema).schemas) as Record<string, Schema>;
  for (const [parent, s] of Object.entries(schemas)) {
    if (!Array.isArray(s.oneOf)) continue;
    for (const variantRef of s.oneOf) {
      const name = refName(variantRef)!;
      const variant = schemas[name]!;
      const parts = ((variant.allOf as Schema[] | undefined) ?? []).filter((p) => refName(p) !== parent);
      const properties: Schema = { ...((variant.properties as Schema) ?? {}) };
      for (const p of parts) Object.assign(properties, (p.properties as Schema) ?? {});
      delete variant.allOf;
      Object.assign(variant, { type: 'object', properties, additionalProperties: false, minProperties: 1 });
    }
  }
  closeObjects(schemas);
  return schemas;
}

export function loadSpec(name: keyof typeof SPECS): Schema {
  return parse(readFileSync(resolve(VUM_DIR, SPECS[name].file), 'utf8')) as Schema;
}

export interface VumValidators {
  /** One document (Werkzoekende / Vacature). */
  item: ValidateFunction;
  /** The POST body of the spec's list endpoint: an array of documents. */
  body: ValidateFunction;
}

export function vumValidators(name: keyof typeof SPECS): VumValidators {
  const spec = loadSpec(name);
  const components = { schemas: resolvedComponents(spec) };
  const post = ((spec.paths as Schema)[SPECS[name].path] as Schema).post as Schema;
  const body = (((post.requestBody as Schema).content as Schema)['application/json'] as Schema).schema as Schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const itemName = name === 'werkzoekenden' ? 'Werkzoekende' : 'Vacature';
  return {
    item: ajv.compile({ $id: `vum-${name}-item`, $ref: `#/components/schemas/${itemName}`, components }),
    body: ajv.compile({ $id: `vum-${name}-body`, ...body, components }),
  };
}

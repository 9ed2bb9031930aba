// Export profiles: the shipped defaults (JSON data in db/exchange/profiles/) and the copies a
// beheerder adjusted, stored in the synced export_profiles table so every laptop delivers the
// same columns. For each target and record kind one profile is in use: the active adjusted copy,
// else the shipped default. Every profile is validated before use: shape (zod) and meaning
// (each source exists for its kind).
import type { Selectable } from 'kysely';
import type { DB } from '../../store/schema.js';
import { AppError } from '../../model/errors.js';
import type { Store } from '../../journal/store.js';
import { profileSchema, type Profile, type ProfileKind, type ProfileTarget } from '../../model/export-profiles.js';
import { sourceFields } from './sources.js';
import wbsVacatures from '../profiles/wbs-vacatures.json' with { type: 'json' };
import wbsWerkgevers from '../profiles/wbs-werkgevers.json' with { type: 'json' };
import gwsKlanten from '../profiles/gws-klanten.json' with { type: 'json' };
import gwsActiviteiten from '../profiles/gws-activiteiten.json' with { type: 'json' };
import gwsPlaatsingen from '../profiles/gws-plaatsingen.json' with { type: 'json' };
import gwsUitstroom from '../profiles/gws-uitstroom.json' with { type: 'json' };

const SHIPPED: unknown[] = [wbsVacatures, wbsWerkgevers, gwsKlanten, gwsActiviteiten, gwsPlaatsingen, gwsUitstroom];

export interface ProfileIssue {
  path: string;
  message: string;
}

/** Checks a profile's shape and meaning; returns the parsed profile or every issue found. */
export function validateProfile(input: unknown): { profile: Profile | null; issues: ProfileIssue[] } {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) {
    return {
      profile: null,
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    };
  }
  const profile = parsed.data;
  const known = new Set(sourceFields(profile.kind).map((f) => f.source));
  const issues: ProfileIssue[] = [];
  profile.columns.forEach((c, i) => {
    if (c.source && !known.has(c.source))
      issues.push({ path: `columns.${i}.source`, message: `onbekende bron '${c.source}' voor ${profile.kind}` });
  });
  return { profile: issues.length ? null : profile, issues };
}

function mustValidate(input: unknown, what: string): Profile {
  const { profile, issues } = validateProfile(input);
  if (!profile) {
    const first = issues[0]!;
    throw new AppError('invalid_profile', `Profiel ${what}: ${first.path}: ${first.message}`, first.path, { issues });
  }
  return profile;
}

let shipped: Profile[] | null = null;
/** The shipped default profiles, validated once. */
export function shippedProfiles(): Profile[] {
  shipped ??= SHIPPED.map((p) => mustValidate(p, String((p as { id?: string }).id)));
  return shipped;
}

export interface ProfileSummary {
  id: string;
  target: ProfileTarget;
  kind: ProfileKind;
  version: number;
  name: string;
  builtin: boolean;
  active: boolean;
  inUse: boolean;
  basedOn: string | null;
}

/** A saved profile: saveProfile writes every field but based_on. */
type ProfileRow = Selectable<DB['export_profiles']> & {
  ref: string;
  target: string;
  kind: string;
  version: number;
  name: string;
  definition: string;
  active: number;
};

function customRows(store: Store): ProfileRow[] {
  return store.all(
    store.kysely
      .selectFrom('export_profiles')
      .selectAll()
      .where('deleted', '=', 0)
      .orderBy('ref')
      .$narrowType<ProfileRow>(),
  );
}

function customProfile(row: ProfileRow): Profile {
  return mustValidate(JSON.parse(row.definition), row.ref);
}

/** The profile in use for a target and kind: the active adjusted copy, else the default. */
export function profileInUse(store: Store, target: ProfileTarget, kind: ProfileKind): Profile {
  const custom = customRows(store).find((r) => r.target === target && r.kind === kind && r.active === 1);
  if (custom) return customProfile(custom);
  const builtin = shippedProfiles().find((p) => p.target === target && p.kind === kind);
  if (!builtin) throw new AppError('not_found', `Geen exportprofiel voor ${target} ${kind}`);
  return builtin;
}

/** The profiles in use for a target, in the order of the shipped defaults. */
export function profilesFor(store: Store, target: ProfileTarget): Profile[] {
  const kinds = [
    ...new Set(
      shippedProfiles()
        .filter((p) => p.target === target)
        .map((p) => p.kind),
    ),
  ];
  return kinds.map((k) => profileInUse(store, target, k));
}

export function listProfiles(store: Store): ProfileSummary[] {
  const rows = customRows(store);
  const inUse = new Set<string>();
  for (const p of shippedProfiles()) inUse.add(profileInUse(store, p.target, p.kind).id);
  const builtin = shippedProfiles().map((p) => ({
    id: p.id,
    target: p.target,
    kind: p.kind,
    version: p.version,
    name: p.name,
    builtin: true,
    active: true,
    inUse: inUse.has(p.id),
    basedOn: null,
  }));
  const custom = rows.map((r) => ({
    id: r.ref,
    target: r.target as ProfileTarget,
    kind: r.kind as ProfileKind,
    version: r.version,
    name: r.name,
    builtin: false,
    active: r.active === 1,
    inUse: inUse.has(r.ref),
    basedOn: r.based_on,
  }));
  return [...builtin, ...custom];
}

export function getProfile(store: Store, id: string): Profile {
  const builtin = shippedProfiles().find((p) => p.id === id);
  if (builtin) return builtin;
  const row = customRows(store).find((r) => r.ref === id);
  if (!row) throw new AppError('not_found', `Exportprofiel '${id}' bestaat niet`, 'id');
  return customProfile(row);
}

const rowId = (id: string) => `profile.${id}`;

/**
 * Saves an adjusted profile (a beheerder's copy) through the journal and puts it in use for its
 * target and kind. A changed definition gets the next version, so manifests say which one
 * produced a file. The shipped defaults themselves cannot be overwritten.
 */
export function saveProfile(store: Store, user: string, input: unknown): Profile {
  const candidate = mustValidate(input, String((input as { id?: string })?.id ?? ''));
  if (shippedProfiles().some((p) => p.id === candidate.id)) {
    throw new AppError(
      'invalid_profile',
      'Een standaardprofiel kan niet worden overschreven: kopieer het onder een eigen naam.',
      'id',
    );
  }
  return store.write(user, (w) => {
    const existing = w.row('export_profile', rowId(candidate.id));
    let version = candidate.version;
    if (existing && !existing.deleted) {
      const before = JSON.parse(existing.definition as string) as Profile;
      const same = JSON.stringify({ ...before, version: 0 }) === JSON.stringify({ ...candidate, version: 0 });
      version = same ? (existing.version as number) : Math.max(candidate.version, (existing.version as number) + 1);
    }
    const profile: Profile = { ...candidate, version };
    for (const other of customRows(store)) {
      if (
        other.ref !== profile.id &&
        other.target === profile.target &&
        other.kind === profile.kind &&
        other.active === 1
      ) {
        w.update('export_profile', other.id, { active: false });
      }
    }
    const fields = {
      ref: profile.id,
      target: profile.target,
      kind: profile.kind,
      name: profile.name,
      version,
      based_on: profile.basedOn ? `${profile.basedOn.id}@${profile.basedOn.version}` : null,
      definition: JSON.stringify(profile),
      active: true,
      deleted: false,
    };
    if (existing) w.update('export_profile', rowId(profile.id), fields);
    else w.create('export_profile', fields, rowId(profile.id));
    return profile;
  });
}

/** Takes an adjusted profile out of use (the shipped default for its kind applies again). */
export function retireProfile(store: Store, user: string, id: string): void {
  store.write(user, (w) => {
    const row = w.row('export_profile', rowId(id));
    if (!row || row.deleted) throw new AppError('not_found', `Exportprofiel '${id}' bestaat niet`, 'id');
    w.update('export_profile', rowId(id), { active: false });
  });
}

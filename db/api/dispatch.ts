// The dispatcher behind every transport: checks that someone is signed in (only `public` methods
// otherwise), the caller's role and transport, validates input with the contract's zod schema,
// runs the handler, writes the audit entry of every write, every audited read (a client's file,
// a BSN lookup) and every refusal (BIO 8.15.01), and turns AppErrors (and zod issues) into
// {ok:false,error:{code,message,field}}. Never throws.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { contract, isMethodName, type EventName, type MethodName, type Output } from './contract.js';
import type { MethodDef } from './define.js';
import type { Session } from '../model/roles.js';
import { handlers } from './handlers/index.js';
import { AppError, type ApiError, type Result } from '../model/errors.js';
import type { Store } from '../journal/store.js';
import { audit } from '../store/audit.js';
import { MemoryKeyStore, type KeyStore, type PassphraseSource } from '../sync/keystore.js';
import { syncAppVersion, syncKeyStore } from '../sync/runtime.js';
import { linkAccountManagers } from '../records/account-managers.js';

/** Stores whose account managers were linked to users this run (migration 0011's backfill). */
const LINKED = new WeakSet<Store>();
/** The journal's author of that backfill (the history shows it as written). */
export const BACKFILL_ACTOR = 'Caseload (migratie 0011)';

/** What the calling program provides: its kind, the sync key store, and (CLI) a terminal. */
export interface Host {
  /** 'cli' (and tests) may call local methods; the app's shells ('app') may not. */
  transport: 'app' | 'cli';
  keyStore: KeyStore;
  appVersion: string;
  /** Asks a person for a passphrase (CLI: environment, else the terminal). */
  passphrase?: PassphraseSource;
  /** Standard output, line by line (CLI: dump, search). */
  out?: (line: string) => void;
  /** Progress of long work (CLI: stderr on a terminal). */
  progress?: (label: string, done: number, total: number) => void;
}

export interface Ctx {
  store: Store;
  /** The caller; while signed out (public methods only) NOBODY, whose role nothing may trust. */
  session: Session;
  signedIn: boolean;
  host: Host;
  emit(event: EventName, payload: unknown): void;
  /** Replaces the caller's session (session.switch after a verified passphrase; null signs out). */
  setSession(session: Session | null): void;
}

export type Handler<M extends MethodName> = (
  ctx: Ctx,
  input: z.output<(typeof contract)[M]['input']>,
) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

type Listener = (payload: unknown) => void;

export const DEFAULT_SESSION: Session = { user: 'beheer', name: 'Beheerder', role: 'beheerder' };
/** Stands in for the caller of a public method while signed out; never written as an actor of data. */
const NOBODY: Session = { user: '-', name: '', role: 'werkgeversadviseur' };
/** What a session that must set a new passphrase may still call. */
const WHILE_CHANGING = new Set<string>(['session.setPassphrase', 'session.signOut', 'session.switch', 'app.info']);

function zodError(err: z.ZodError): ApiError {
  const issue = err.issues[0]!;
  const field = issue.path.map(String).join('.') || undefined;
  return { code: 'invalid_input', message: `ongeldige invoer: ${issue.message}`, field };
}

export interface Api {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: EventName, cb: Listener): () => void;
  /** Null while signed out. */
  session: Session | null;
}

export interface ApiOptions {
  transport?: Host['transport'];
  keyStore?: KeyStore;
  appVersion?: string;
  passphrase?: PassphraseSource;
  out?: (line: string) => void;
  progress?: Host['progress'];
}

/**
 * The record an audit entry names: a pseudonym of the id from the output or the input (the first
 * 16 hex digits of its sha256). An auditor finds a record's entries by hashing its id; once a
 * retention purge has destroyed the record, nothing in the log points back to the person.
 */
export function auditPseudonym(id: string): string {
  return `#${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}

/** For a write, the record it made or changed (output first); for a read, the one asked for (input first). */
function auditObject(input: unknown, value: unknown, read = false): string | null {
  const pick = (o: unknown): string | null => {
    if (!o || typeof o !== 'object') return null;
    const r = o as Record<string, unknown>;
    for (const k of ['id', 'clientId', 'employerId', 'vacancyId', 'periodId', 'matchId']) {
      if (typeof r[k] === 'string') return auditPseudonym(r[k]);
    }
    // A lookup that found one record (a search by BSN) names it.
    if (Array.isArray(r.items) && r.items.length === 1) return pick(r.items[0]);
    return null;
  };
  return read ? (pick(input) ?? pick(value)) : (pick(value) ?? pick(input));
}

export function createApi(store: Store, session: Session | null = DEFAULT_SESSION, opts: ApiOptions = {}): Api {
  // Periods that name an account manager get the user's id (journaled, so it syncs): once per
  // store and run; a no-op read when everything is linked. See migration 0011.
  if (!LINKED.has(store)) {
    LINKED.add(store);
    linkAccountManagers(store, BACKFILL_ACTOR);
  }
  const listeners = new Map<EventName, Set<Listener>>();
  const host: Host = {
    transport: opts.transport ?? 'cli',
    // The command line keeps no key: a fresh store per run, unlocked by the passphrase.
    keyStore: opts.keyStore ?? (opts.transport === 'cli' ? new MemoryKeyStore() : syncKeyStore()),
    appVersion: opts.appVersion ?? syncAppVersion(),
    passphrase: opts.passphrase,
    out: opts.out,
    progress: opts.progress,
  };
  const log = (method: string, object: string | null, result: 'ok' | 'refused' | 'error') =>
    audit(store, { actor: api.session?.user ?? NOBODY.user, action: method, object, result });
  const api: Api = {
    session,
    on(event, cb) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(cb);
      return () => listeners.get(event)!.delete(cb);
    },
    async call(method, input) {
      if (!isMethodName(method))
        return { ok: false, error: { code: 'unknown_method', message: `Onbekende functie: ${String(method)}` } };
      const def = contract[method] as MethodDef;
      if (def.local && host.transport !== 'cli')
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Deze functie is alleen beschikbaar via de opdrachtregel.' },
        };
      const session = api.session;
      if (!session && !def.public) {
        log(method, null, 'refused');
        return { ok: false, error: { code: 'signed_out', message: 'Meld u eerst aan.' } };
      }
      if (session?.mustChangePassphrase && !WHILE_CHANGING.has(method)) {
        log(method, null, 'refused');
        return {
          ok: false,
          error: { code: 'passphrase_change', message: 'Kies eerst een nieuw wachtwoord.', field: 'passphrase' },
        };
      }
      if (session && !def.roles.includes(session.role)) {
        log(method, auditObject(input, null), 'refused');
        return { ok: false, error: { code: 'forbidden', message: 'Uw rol mag deze actie niet uitvoeren.' } };
      }
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: zodError(parsed.error) };
      const readAudited =
        def.auditRead === true ||
        (typeof def.auditRead === 'function' && (def.auditRead as (i: unknown) => boolean)(parsed.data));
      const audited = (def.writes && def.audit !== 'self') || readAudited;
      const ctx: Ctx = {
        store,
        session: session ?? NOBODY,
        signedIn: session !== null,
        host,
        emit: (event, payload) => listeners.get(event)?.forEach((cb) => cb(payload)),
        setSession: (next) => {
          api.session = next;
        },
      };
      try {
        const handler = handlers[method] as (ctx: Ctx, input: unknown) => unknown;
        const value = await handler(ctx, parsed.data);
        // A result with ok: false (an import with refused rows) wrote nothing: refused.
        const refusedInput = (value as { ok?: unknown } | null)?.ok === false;
        if (audited) log(method, auditObject(parsed.data, value, readAudited), refusedInput ? 'refused' : 'ok');
        return { ok: true, value: value as Output<typeof method> };
      } catch (e) {
        if (audited) log(method, auditObject(parsed.data, null), e instanceof AppError ? 'refused' : 'error');
        if (e instanceof AppError)
          return { ok: false, error: { code: e.code, message: e.message, field: e.field, details: e.details } };
        if (e instanceof z.ZodError) return { ok: false, error: zodError(e) };
        // Internal errors: the message may carry data, so only the class name leaves this module.
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `Interne fout (${(e as Error).name}). Probeer het opnieuw of meld het aan de beheerder.`,
          },
        };
      }
    },
  };
  return api;
}

// The dispatcher behind every transport: validates input with the contract's zod schema, checks
// the caller's role, runs the handler, and turns AppErrors (and zod issues) into
// {ok:false,error:{code,message,field}}. Never throws.
import { z } from 'zod';
import { contract, isMethodName, type EventName, type MethodName, type Output } from './contract.js';
import type { Role, Session } from '../model/roles.js';
import { handlers } from './handlers/index.js';
import { AppError, type ApiError, type Result } from '../model/errors.js';
import type { Store } from '../journal/store.js';

export interface Ctx {
  store: Store;
  session: Session;
  emit(event: EventName, payload: unknown): void;
  /** Replaces the caller's session (session.switch after a verified PIN); later calls run as that user. */
  setSession(session: Session): void;
}

export type Handler<M extends MethodName> = (
  ctx: Ctx,
  input: z.output<(typeof contract)[M]['input']>,
) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

type Listener = (payload: unknown) => void;

export const DEFAULT_SESSION: Session = { user: 'beheer', name: 'Beheerder', role: 'beheerder' };

function zodError(err: z.ZodError): ApiError {
  const issue = err.issues[0]!;
  const field = issue.path.map(String).join('.') || undefined;
  return { code: 'invalid_input', message: `ongeldige invoer: ${issue.message}`, field };
}

export interface Api {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: EventName, cb: Listener): () => void;
  session: Session;
}

export function createApi(store: Store, session: Session = DEFAULT_SESSION): Api {
  const listeners = new Map<EventName, Set<Listener>>();
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
      const def = contract[method];
      const roles = (def as { roles?: Role[] }).roles;
      if (roles && !roles.includes(api.session.role)) {
        return { ok: false, error: { code: 'forbidden', message: 'Uw rol mag deze actie niet uitvoeren.' } };
      }
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: zodError(parsed.error) };
      const ctx: Ctx = {
        store,
        session: api.session,
        emit: (event, payload) => listeners.get(event)?.forEach((cb) => cb(payload)),
        setSession: (next) => {
          api.session = next;
        },
      };
      try {
        const handler = handlers[method] as (ctx: Ctx, input: unknown) => unknown;
        const value = await handler(ctx, parsed.data);
        return { ok: true, value: value as Output<typeof method> };
      } catch (e) {
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

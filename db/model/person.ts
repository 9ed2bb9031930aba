// How a person's name reads everywhere (lists, dossier, reports, exports, search): first name
// (or initials when there is none), prefix, last name - "Jan de Vries", "J. de Vries". Pure.

export interface NameParts {
  initials?: unknown;
  first_name?: unknown;
  name_prefix?: unknown;
  last_name?: unknown;
}

export function displayName(r: NameParts): string {
  return [r.first_name || r.initials, r.name_prefix, r.last_name]
    .filter((x) => x !== null && x !== undefined && x !== '')
    .map(String)
    .join(' ');
}

/** The role matrix as Markdown, rendered from PERMISSIONS into the README (scripts/roles-doc.ts; a test keeps it current). */
import { ROLES } from '../domain/values';
import { PERMISSIONS, type Action } from './permissions';

export const README_ROLES_START = '<!-- roles:start -->';
export const README_ROLES_END = '<!-- roles:end -->';

export function renderRolesMarkdown(): string {
  const header = `| may | ${ROLES.join(' | ')} |`;
  const rule = `| --- | ${ROLES.map(() => ':---:').join(' | ')} |`;
  const rows = (Object.keys(PERMISSIONS) as Action[]).map((action) => {
    const { roles, allows } = PERMISSIONS[action];
    return `| ${allows} | ${ROLES.map((role) => ((roles as readonly string[]).includes(role) ? 'yes' : '—')).join(' | ')} |`;
  });
  return [
    '<!-- Generated from src/access/permissions.ts by scripts/roles-doc.ts: change the permissions, then regenerate. -->',
    '',
    header,
    rule,
    ...rows,
    '',
    "Every role reads only its own facilities (the token's `facilities`); `ADMIN` reads every facility but records nothing.",
    'A role refused an action gets `FORBIDDEN`, and the refusal is recorded as a security event.',
    '',
  ].join('\n');
}

export function readmeWithRoles(readme: string, rendered: string): string {
  const start = readme.indexOf(README_ROLES_START);
  const end = readme.indexOf(README_ROLES_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_ROLES_START} … ${README_ROLES_END} section`);
  return `${readme.slice(0, start + README_ROLES_START.length)}\n${rendered}${readme.slice(end)}`;
}

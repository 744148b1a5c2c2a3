import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeWithRoles, renderRolesMarkdown } from '../../../src/access/roles-doc';

describe("the README's role matrix", () => {
  it('is what src/access/permissions.ts renders (regenerate with `npm run docs:roles` when this fails)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(readmeWithRoles(readme, renderRolesMarkdown())).toBe(readme);
  });
});

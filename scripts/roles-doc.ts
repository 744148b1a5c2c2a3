/** `npm run docs:roles`: renders the role matrix from src/access/permissions.ts into the README's "Roles" section. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readmeWithRoles, renderRolesMarkdown } from '../src/access/roles-doc';

let root = __dirname;
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const readme = join(root, 'README.md');
writeFileSync(readme, readmeWithRoles(readFileSync(readme, 'utf8'), renderRolesMarkdown()));
process.stdout.write('wrote the README roles section\n');

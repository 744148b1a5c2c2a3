/** docs/fhir-example-bundle.json is what `npm run docs:fhir` writes from the synthetic case today. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleBundleText } from '../../../scripts/fhir-example-bundle';

it('docs/fhir-example-bundle.json is current (run npm run docs:fhir after changing src/fhir/)', () => {
  expect(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'fhir-example-bundle.json'), 'utf8')).toBe(exampleBundleText());
});

/**
 * A signed export cannot be re-forged: editing a value and recomputing the chain and the heads line
 * (what anyone can do) breaks the signature; and an export holds its streams' heads at the latest
 * integrity checkpoint, so even a holder of the key cannot rewrite history before a checkpoint kept outside.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { verifyExport } from '../../../src/audit/export-verification';
import { recordCheckpoint, type SignedCheckpoint } from '../../../src/audit/integrity-checkpoint';
import { exportEvents, type ExportSelection } from '../../../src/audit/ndjson-export';
import { loadSigningKey, readPublicKeys, signPayload, type PublicKey, type SigningKey } from '../../../src/audit/signing-key';
import type { EventStore } from '../../../src/eventstore/port';
import { createSqliteEventStore } from '../../../src/eventstore/sqlite';
import { makeTempDir } from '../../support/sqlite-temp';
import { append } from './fixtures';
import { reforge } from './forgery';

async function exported(store: EventStore, selection: ExportSelection, key: SigningKey): Promise<string[]> {
  const lines: string[] = [];
  await exportEvents(store, selection, (line) => void lines.push(line.replace(/\n$/, '')), { signing: { key, exportedBy: 'aud-1' } });
  return lines;
}

describe('signed exports', () => {
  const temp = makeTempDir('celltrail-signed-export');
  const store = createSqliteEventStore({ path: ':memory:' });
  let key: SigningKey;
  let keys: PublicKey[];
  beforeAll(async () => {
    key = await loadSigningKey({ keyFile: null, dataDir: temp.dir });
    keys = await readPublicKeys(key.publicPem);
    await append(store, 'patient-p1', [{ type: 'PatientRegistered', data: { patientId: 'p1', mrn: 'MRN-1' } }]);
    await append(store, 'case-c1', [
      { type: 'CaseOpened', data: { caseId: 'c1', patientId: 'p1' } },
      { type: 'HarvestPerformed', data: { aspirateVolumeMl: 240 } },
    ]);
  });
  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it('verifies with the public key, naming what was exported, by whom and with which key', async () => {
    const report = await verifyExport(await exported(store, { kind: 'case', caseId: 'c1' }, key), { keys });
    expect(report).toMatchObject({
      valid: true,
      problems: [],
      signature: {
        status: 'valid',
        keyId: key.keyId,
        signed: { selection: { kind: 'case', caseId: 'c1' }, exportedBy: 'aud-1', eventCount: 2 },
      },
    });
    // the key as the server publishes it (a JWK set) verifies too
    expect(
      (
        await verifyExport(await exported(store, { kind: 'all' }, key), {
          keys: await readPublicKeys(JSON.stringify({ keys: [key.publicJwk] })),
        })
      ).valid,
    ).toBe(true);
  });

  it('rejects an export re-hashed after the fact, whose chains and heads agree with themselves', async () => {
    const forged = reforge(await exported(store, { kind: 'case', caseId: 'c1' }, key), '"aspirateVolumeMl":240', '"aspirateVolumeMl":120');
    expect(forged.join('\n')).toContain('"aspirateVolumeMl":120');
    const report = await verifyExport(forged, { keys });
    expect(report.broken).toEqual([]); // the forgery is consistent...
    expect(report).toMatchObject({ valid: false, signature: { status: 'invalid' } }); // ...but not signed
    expect(report.problems).toContainEqual(expect.stringMatching(/changed after it was signed/));
  });

  it('rejects a signature line removed, a signature by another key, and reports an unchecked one as not intact', async () => {
    const lines = await exported(store, { kind: 'case', caseId: 'c1' }, key);
    const unsigned = await verifyExport(lines.slice(0, -1), { keys });
    expect(unsigned).toMatchObject({ valid: false, signature: { status: 'unsigned' } });

    const other = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const otherDir = makeTempDir('celltrail-other-key');
    writeFileSync(`${otherDir.dir}/other.pem`, other);
    const otherKey = await loadSigningKey({ keyFile: `${otherDir.dir}/other.pem`, dataDir: otherDir.dir });
    otherDir.remove();
    const byOther = await verifyExport(await exported(store, { kind: 'case', caseId: 'c1' }, otherKey), { keys });
    expect(byOther).toMatchObject({ valid: false, signature: { status: 'invalid', keyId: otherKey.keyId } });
    expect(byOther.problems).toContainEqual(expect.stringMatching(/not with the key given/));

    const unchecked = await verifyExport(lines);
    expect(unchecked).toMatchObject({ valid: false, signature: { status: 'unchecked' } });
    expect(unchecked.problems).toContainEqual(expect.stringMatching(/--key/));
  });

  describe('with an integrity checkpoint', () => {
    let kept: SignedCheckpoint;
    beforeAll(async () => {
      kept = (await recordCheckpoint(store, key, new Date('2026-02-01T00:00:00Z')))!;
      await append(store, 'case-c1', [{ type: 'CellsConcentrated', data: { concentrateVolumeMl: 40 } }]);
    });

    it("proves each exported stream's head at the kept checkpoint", async () => {
      const lines = await exported(store, { kind: 'case', caseId: 'c1' }, key);
      expect(JSON.parse(lines[0]!)).toMatchObject({ kind: 'checkpoint', heads: [{ stream: 'case-c1', revision: 1 }] });
      const report = await verifyExport(lines, { keys, kept });
      expect(report).toMatchObject({
        valid: true,
        checkpoint: { status: 'matches', against: 'kept', position: kept.position, provenStreams: 1 },
      });
      const all = await verifyExport(await exported(store, { kind: 'all' }, key), { keys, kept });
      expect(all).toMatchObject({ valid: true, checkpoint: { status: 'matches', provenStreams: 2 } });
    });

    it('catches a holder of the key who re-hashes and re-signs history before the kept checkpoint', async () => {
      const lines = reforge(await exported(store, { kind: 'case', caseId: 'c1' }, key), '"aspirateVolumeMl":240', '"aspirateVolumeMl":120');
      // re-sign the forged file as the key's holder can
      const body = lines
        .slice(0, -1)
        .map((l) => `${l}\n`)
        .join('');
      const signed = JSON.parse(lines[lines.length - 1]!) as { jws: string };
      const payload = JSON.parse(Buffer.from(signed.jws.split('.')[1]!, 'base64url').toString()) as object;
      const jws = await signPayload(key, { ...payload, sha256: createHash('sha256').update(body).digest('hex') });
      const resigned = [...lines.slice(0, -1), JSON.stringify({ ...signed, jws })];
      expect((await verifyExport(resigned, { keys })).signature.status).toBe('valid');

      const report = await verifyExport(resigned, { keys, kept });
      expect(report.valid).toBe(false);
      expect(report.problems).toContainEqual(
        expect.stringMatching(/case-c1 at revision 1 in the file is not the event the checkpoint holds/),
      );
    });

    it('says a case opened after the checkpoint is not covered by it, rather than that it matches', async () => {
      await append(store, 'case-c9', [{ type: 'CaseOpened', data: { caseId: 'c9', patientId: 'p1' } }]);
      const report = await verifyExport(await exported(store, { kind: 'case', caseId: 'c9' }, key), { keys, kept });
      expect(report).toMatchObject({ valid: true, checkpoint: { status: 'uncovered', provenStreams: 0 } });
    });

    it('says so when the export was proven against another checkpoint than the kept one', async () => {
      const lines = await exported(store, { kind: 'case', caseId: 'c1' }, key);
      const later = (await recordCheckpoint(store, key, new Date('2026-02-02T00:00:00Z')))!;
      const report = await verifyExport(lines, { keys, kept: later });
      expect(report).toMatchObject({ valid: false, checkpoint: { status: 'mismatch' } });
      expect(report.problems).toContainEqual(expect.stringMatching(`not the kept one at ${later.position}`));
    });
  });
});

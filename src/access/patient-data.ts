/**
 * The one authorized path to patient, case, history, audit and access data, bound to one caller.
 * Resolvers, subscriptions and CLIs get this object, never a store: every method checks the caller's
 * role (permissions.ts), narrows every read to the caller's facilities (outside them answers exactly
 * like missing), and records each read of patient data in the access log, durably, before it returns.
 */
import DataLoader from 'dataloader';
import type { CaseSummary } from '../../projections/case-summary';
import type { PatientSummary } from '../../projections/patient-summary';
import type { AccessOutcome, AccessRecord } from '../audit/access-log';
import {
  readAccessLogPage,
  readAccessLogPageBackwards,
  type AccessLogCursor,
  type AccessLogPage,
  type AccessLogPageBackwards,
  type AccessLogQuery,
} from '../audit/access-log-reader';
import { auditLogPlan, type AuditLogQuery } from '../audit/audit-log-query';
import { caseAsOf, type CaseAsOf } from '../audit/case-as-of';
import { readEventPage, readEventPageBackwards, type EventPage, type EventPageBackwards } from '../audit/event-page';
import { latestCheckpoint, type SignedCheckpoint } from '../audit/integrity-checkpoint';
import { exportEvents, type ExportOptions, type ExportSelection, type ExportSummary } from '../audit/ndjson-export';
import { collectSubjects } from '../audit/subjects';
import type { StreamIntegrity } from '../audit/chain-checker';
import { isUnreadableRow, verifyStream } from '../audit/verify-stream';
import type { CaseAudit } from '../compliance';
import type { Bundle } from 'fhir/r4';
import { auditEventBundle } from '../fhir/audit-events';
import { caseBundleOf } from '../fhir/case-bundle-of';
import { caseRecordOf, type CaseRecord } from '../domain/case-record';
import { CASE_STREAM_PREFIX, caseStream, patientStream } from '../domain/events';
import type { Actor, EventFilter, Position, RecordedEvent } from '../eventstore/port';
import { primaryRole, type User } from '../graphql/auth/user';
import { CASE_SUMMARY, PATIENT_SUMMARY } from '../graphql/collections';
import type { CursorValues } from '../readstore/port';
import type { Services } from '../services';
import { caseFilter, type CaseQuery } from './case-query';
import { patientSearchFilter, type PatientSearch } from './patient-query';
import { forbiddenFor, unauthenticatedCaller } from './denials';
import { inScope, may, scopeOf, type Action, type FacilityScope } from './permissions';
import { caseCommands, type CaseCommands } from './case-commands';
import { watchCase } from './watch-case';

export interface Caller {
  user: User;
  correlationId: string;
}

export interface CasePage {
  items: CaseSummary[];
  cursors: CursorValues[];
  hasNextPage: boolean;
  /** Read backwards (`before`): more cases precede the page. */
  hasPreviousPage: boolean;
  totalCount: number;
}

export interface PatientData extends CaseCommands {
  /** Records that the caller's role was refused `operation` (a security event; the refusal itself is the caller's). */
  recordDenial(operation: string): void;
  /** The caller's clock reading, for what depends on today (overdue follow-ups). */
  now(): Date;
  readonly maxPageSize: number;
  case(id: string): Promise<CaseSummary | null>;
  /** A page of cases, most recently updated first: after a cursor, or (backwards) the last `limit` before one. */
  cases(
    query: CaseQuery | undefined,
    page: { limit: number; after?: CursorValues } | { limit: number; direction: 'backwards'; before?: CursorValues },
  ): Promise<CasePage>;
  /** The audits of the cases a query selects: counts only, no patient data. */
  complianceAudits(query: CaseQuery | undefined): Promise<CaseAudit[]>;
  /** Whether the caller may see compliance findings (a VIEWER may not). */
  mayReadCompliance(): boolean;
  patient(id: string): Promise<PatientSummary | null>;
  casesOfPatient(patient: PatientSummary): Promise<CaseSummary[]>;
  /** Patients of the caller's facilities by exact MRN or name prefix, family name first; each one returned is a logged read. */
  searchPatients(search: PatientSearch, limit: number): Promise<PatientSummary[]>;
  /** Up to `maxCount` events of the case from `fromRevision` (inclusive), forwards or backwards (then newest first). */
  caseHistory(
    caseId: string,
    page: { fromRevision?: number; maxCount: number; direction?: 'forwards' | 'backwards' },
  ): Promise<RecordedEvent[] | null>;
  caseAsOf(caseId: string, at: string): Promise<CaseAsOf | null>;
  verifyCase(caseId: string): Promise<StreamIntegrity | null>;
  /** The full record of a case stream met in a history or audit-log page (null for other streams or outside scope). */
  caseRecordOfStream(stream: string): Promise<CaseRecord | null>;
  auditLog(query: AuditLogQuery, page: { first: number; after?: Position }): Promise<EventPage>;
  /** The audit log read backwards: the `last` events before a position (or the newest), in global order. */
  auditLogBackwards(query: AuditLogQuery, page: { last: number; before?: Position }): Promise<EventPageBackwards>;
  accessLog(query: AccessLogQuery, page: { first: number; after?: AccessLogCursor }): Promise<AccessLogPage>;
  /** The access log read backwards: the `last` entries before a cursor (or the end), in the order of access. */
  accessLogBackwards(query: AccessLogQuery, page: { last: number; before?: AccessLogCursor }): Promise<AccessLogPageBackwards>;
  /**
   * An export of one case (null when it is not in the caller's scope) or, for administrators, of the whole
   * store. A case's read is recorded before a line is written; a whole-store export's subjects as it ends.
   */
  exportEvents(
    selection: ExportSelection,
    write: (line: string) => Promise<void> | void,
    options: ExportOptions,
  ): Promise<ExportSummary | null>;
  /** A case as a FHIR R4 Bundle (as it stood at `asOf` when given): null when missing, outside scope or not yet recorded then. */
  caseFhirBundle(caseId: string, asOf?: string): Promise<Bundle | null>;
  /** The reads and exports of a case as FHIR AuditEvents (auditors): null when missing or outside scope. */
  caseFhirAuditBundle(caseId: string): Promise<Bundle | null>;
  /** The latest signed integrity checkpoint (no patient data: a root over every stream's head). */
  latestIntegrityCheckpoint(): Promise<{ checkpoint: SignedCheckpoint } | null>;
  /** Live updates of a case; each delivery is a logged read; ends when the caller's token expires. */
  watchCase(caseId: string): AsyncIterableIterator<CaseSummary>;
}

interface CaseOwner {
  facilityId: string;
  patientId: string;
}

export const actorOf = (user: User): Actor => ({ id: user.id, name: user.name, role: primaryRole(user) });

/** Binds the services to a caller (null: unauthenticated, every method refuses). */
export function patientDataFor(services: Services, caller: Caller | null): PatientData {
  const { store, readStore, config, clock } = services;
  const records = new Map<string, Promise<CaseRecord | null>>();
  let casesByPatient: DataLoader<string, CaseSummary[]> | null = null;

  function authorize(action: Action): { user: User; scope: FacilityScope } {
    if (!caller) throw unauthenticatedCaller();
    if (!may(caller.user, action)) {
      services.securityEvents.accessDenied(caller.user, action);
      throw forbiddenFor(action);
    }
    return { user: caller.user, scope: scopeOf(caller.user) };
  }

  /** Durable before the read is answered: a failed write fails the read. */
  async function logged(user: User, entries: Omit<AccessRecord, 'actor' | 'correlationId'>[]): Promise<void> {
    const actor = actorOf(user);
    const correlationId = caller?.correlationId ?? '';
    await Promise.all(entries.map((entry) => services.accessLog.record({ ...entry, actor, correlationId })));
  }

  const access = (
    operation: string,
    facilityId: string | null,
    caseId: string | null,
    patientId: string | null,
    outcome: AccessOutcome,
  ) => ({
    operation,
    facilityId,
    caseId,
    patientId,
    outcome,
  });

  /** From the opening event (the read model may lag a write); from the read model when that event is missing or damaged. */
  async function caseOwner(caseId: string): Promise<CaseOwner | null> {
    try {
      const [first] = await store.readStream(caseStream(caseId), { maxCount: 1 });
      const { facilityId, patientId } = first?.type === 'CaseOpened' ? first.data : {};
      if (typeof facilityId === 'string' && typeof patientId === 'string') return { facilityId, patientId };
    } catch (error) {
      if (!isUnreadableRow(error)) throw error;
    }
    const summary = (await readStore.get(CASE_SUMMARY, caseId)) as unknown as CaseSummary | null;
    return summary ? { facilityId: summary.facilityId, patientId: summary.patientId } : null;
  }

  /** Runs `read` when the case is in the caller's scope; logs the attempt with its outcome either way. */
  async function readCase<T>(action: Action, operation: string, caseId: string, read: () => Promise<T | null>): Promise<T | null> {
    const { user, scope } = authorize(action);
    const owner = await caseOwner(caseId);
    const visible = owner && inScope(scope, owner.facilityId) ? owner : null;
    // The record names the case's facility even when the caller may not see it: its auditors see the attempt.
    let result: T | null = null;
    try {
      result = visible ? await read() : null;
    } catch (error) {
      await logged(user, [access(operation, owner?.facilityId ?? null, caseId, visible?.patientId ?? null, 'ERROR')]);
      throw error;
    }
    await logged(user, [
      access(operation, owner?.facilityId ?? null, caseId, visible?.patientId ?? null, result === null ? 'NOT_FOUND' : 'OK'),
    ]);
    return result;
  }

  /** Reads a page of the access log in the caller's facilities, and records that read. */
  /** A page of the audit log either way: limited to the caller's facilities, and each subject read is an access. */
  async function readAuditLog<T extends { events: RecordedEvent[] }>(
    query: AuditLogQuery,
    read: (storeFilter: EventFilter | undefined) => Promise<T>,
  ): Promise<T> {
    const { user, scope } = authorize('readAuditLog');
    const { storeFilter } = auditLogPlan(query);
    const result = await read(scope.kind === 'all' ? storeFilter : { ...storeFilter, facilities: scope.facilities });
    // The page may hold patients' and cases' payloads: each one read is an access.
    const facilities = new Map(result.events.map((e) => [e.stream, e.metadata.facilityId ?? null]));
    const subjects = [...collectSubjects(result.events).entries()];
    await logged(
      user,
      subjects.map(([stream, s]) => access('auditLog', facilities.get(stream) ?? null, s.caseId, s.patientId, 'OK')),
    );
    return result;
  }

  async function readAccessLog<T>(query: AccessLogQuery, read: (facilities: readonly string[] | null) => Promise<T>): Promise<T> {
    const { user, scope } = authorize('readAccessLog');
    const result = await read(scope.kind === 'all' ? null : scope.facilities);
    // Filed under the facility of the case asked about (its auditors see who looked, even from outside), else the caller's first.
    const owner = query.caseId ? await caseOwner(query.caseId) : null;
    const facilityId = owner?.facilityId ?? user.facilities[0] ?? null;
    await logged(user, [access('accessLog', facilityId, query.caseId ?? null, query.patientId ?? null, 'OK')]);
    return result;
  }

  const data: PatientData = {
    ...caseCommands(
      services,
      () => authorize('record'),
      logged,
      () => caller?.correlationId ?? '',
    ),
    now: clock,
    recordDenial: (operation) => {
      if (caller) services.securityEvents.accessDenied(caller.user, operation);
    },
    maxPageSize: config.maxPageSize,

    async case(id) {
      const { user, scope } = authorize('readSummaries');
      const summary = (await readStore.get(CASE_SUMMARY, id)) as unknown as CaseSummary | null;
      const visible = summary !== null && inScope(scope, summary.facilityId) ? summary : null;
      await logged(user, [access('case', summary?.facilityId ?? null, id, visible?.patientId ?? null, visible ? 'OK' : 'NOT_FOUND')]);
      return visible;
    },

    async cases(query, page) {
      const { user, scope } = authorize('readSummaries');
      const filter = caseFilter(scope, query, clock());
      const [found, totalCount] = await Promise.all([
        readStore.find(CASE_SUMMARY, { filter, sort: [['updatedAt', -1]], ...page }),
        readStore.count(CASE_SUMMARY, filter),
      ]);
      const items = found.items as unknown as CaseSummary[];
      await logged(
        user,
        items.map((c) => access('cases', c.facilityId, c.id, c.patientId, 'OK')),
      );
      return { items, cursors: found.cursors, hasNextPage: found.hasNextPage, hasPreviousPage: found.hasPreviousPage, totalCount };
    },

    async complianceAudits(query) {
      const { scope } = authorize('readCompliance');
      const { items } = await readStore.find(CASE_SUMMARY, { filter: caseFilter(scope, query, clock()) });
      return (items as unknown as CaseSummary[]).map((c) => c.compliance);
    },

    mayReadCompliance: () => caller !== null && may(caller.user, 'readCompliance'),

    async patient(id) {
      const { user, scope } = authorize('readSummaries');
      const patient = (await readStore.get(PATIENT_SUMMARY, id)) as unknown as PatientSummary | null;
      const visible = patient !== null && inScope(scope, patient.facilityId) ? patient : null;
      await logged(user, [access('patient', patient?.facilityId ?? null, null, id, visible ? 'OK' : 'NOT_FOUND')]);
      return visible;
    },

    async searchPatients(search, limit) {
      const { user, scope } = authorize('searchPatients');
      const { items } = await readStore.find(PATIENT_SUMMARY, {
        filter: patientSearchFilter(scope, search),
        sort: [
          ['familyName', 1],
          ['givenName', 1],
        ],
        limit,
      });
      const patients = items as unknown as PatientSummary[];
      // A search that finds nobody is still a look-up (filed under the caller's first facility); never the term itself.
      await logged(
        user,
        patients.length > 0
          ? patients.map((p) => access('searchPatients', p.facilityId, null, p.id, 'OK'))
          : [
              access(
                'searchPatients',
                inScope(scope, search.facilityId) ? search.facilityId! : (user.facilities[0] ?? null),
                null,
                null,
                'NOT_FOUND',
              ),
            ],
      );
      return patients;
    },

    async casesOfPatient(patient) {
      const { user, scope } = authorize('readSummaries');
      if (!inScope(scope, patient.facilityId)) return [];
      casesByPatient ??= new DataLoader(async (patientIds) => {
        const { items } = await readStore.find(CASE_SUMMARY, {
          filter: { $and: [caseFilter(scope, undefined, clock()), { patientId: { $in: [...patientIds] } }] },
          sort: [['openedAt', 1]],
        });
        const cases = items as unknown as CaseSummary[];
        await logged(
          user,
          cases.map((c) => access('patient.cases', c.facilityId, c.id, c.patientId, 'OK')),
        );
        return patientIds.map((id) => cases.filter((c) => c.patientId === id));
      });
      return casesByPatient.load(patient.id);
    },

    caseHistory(caseId, page) {
      return readCase('readCaseHistory', 'caseHistory', caseId, () =>
        store.readStream(caseStream(caseId), { fromRevision: page.fromRevision, maxCount: page.maxCount, direction: page.direction }),
      );
    },

    caseAsOf(caseId, at) {
      return readCase('readCaseHistory', 'caseAsOf', caseId, async () =>
        caseAsOf(await store.readStream(caseStream(caseId)), at, services.compliance),
      );
    },

    verifyCase(caseId) {
      return readCase('readCaseHistory', 'verifyCaseIntegrity', caseId, async () => {
        // The read model remembers the last revision it applied: a stream ending before it lost its tail.
        const summary = (await readStore.get(CASE_SUMMARY, caseId)) as unknown as CaseSummary | null;
        return verifyStream(store, caseStream(caseId), { knownRevision: summary?.revision ?? null });
      });
    },

    caseRecordOfStream(stream) {
      if (!stream.startsWith(CASE_STREAM_PREFIX)) return Promise.resolve(null);
      let record = records.get(stream);
      if (!record) {
        const caseId = stream.slice(CASE_STREAM_PREFIX.length);
        record = readCase('readCaseHistory', 'amendment', caseId, async () => caseRecordOf(await store.readStream(stream)));
        records.set(stream, record);
      }
      return record;
    },

    auditLog(query, page) {
      return readAuditLog(query, (storeFilter) => readEventPage(store, { storeFilter, first: page.first, after: page.after }));
    },

    auditLogBackwards(query, page) {
      return readAuditLog(query, (storeFilter) => readEventPageBackwards(store, { storeFilter, last: page.last, before: page.before }));
    },

    accessLog(query, page) {
      return readAccessLog(query, (facilities) =>
        readAccessLogPage(store, { ...query, facilities }, { first: page.first, after: page.after, now: clock() }),
      );
    },

    accessLogBackwards(query, page) {
      return readAccessLog(query, (facilities) =>
        readAccessLogPageBackwards(store, { ...query, facilities }, { last: page.last, before: page.before, now: clock() }),
      );
    },

    async exportEvents(selection, write, options) {
      const { user, scope } = authorize('readCaseHistory');
      if (selection.kind === 'all') {
        if (scope.kind !== 'all') throw forbiddenFor('readAuditLog');
        const summary = await exportEvents(store, selection, write, options);
        await logged(
          user,
          summary.subjects.map((s) => access('export', null, s.caseId, s.patientId, 'OK')),
        );
        return summary;
      }
      const { caseId } = selection;
      const owner = await caseOwner(caseId);
      const visible = owner && inScope(scope, owner.facilityId) ? owner : null;
      if (!visible) {
        await logged(user, [access('export', owner?.facilityId ?? null, caseId, null, 'NOT_FOUND')]);
        return null;
      }
      await logged(user, [access('export', visible.facilityId, caseId, visible.patientId, 'OK')]);
      return exportEvents(store, selection, write, options);
    },

    caseFhirBundle(caseId, asOf) {
      return readCase('readCaseHistory', 'fhirExport', caseId, async () => {
        const events = await store.readStream(caseStream(caseId));
        const patientId = events[0]?.type === 'CaseOpened' ? events[0].data.patientId : null;
        if (typeof patientId !== 'string') return null;
        return caseBundleOf(events, await store.readStream(patientStream(patientId)), asOf);
      });
    },

    caseFhirAuditBundle(caseId) {
      return readCase('readAccessLog', 'fhirAuditExport', caseId, async () => {
        const { scope } = authorize('readAccessLog');
        const query = { caseId, facilities: scope.kind === 'all' ? null : scope.facilities };
        const entries = [];
        let after: AccessLogCursor | undefined;
        for (;;) {
          const page = await readAccessLogPage(store, query, { first: 1000, after, now: clock() });
          entries.push(...page.entries);
          if (!page.hasNextPage || !page.end) break;
          after = page.end;
        }
        return auditEventBundle(caseId, entries);
      });
    },

    async latestIntegrityCheckpoint() {
      authorize('readAuditLog');
      return latestCheckpoint(store);
    },

    watchCase(caseId) {
      const { user, scope } = authorize('readSummaries');
      return watchCase({
        services,
        caseId,
        user,
        visible: (summary) => inScope(scope, summary.facilityId),
        log: (summary) => logged(user, [access('caseUpdated', summary.facilityId, summary.id, summary.patientId, 'OK')]),
      });
    },
  };
  return data;
}

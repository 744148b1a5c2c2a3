/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Every given condition must hold. */
export type AccessLogFilter = {
  /** Reads by this user. */
  actorId?: string | number | null | undefined;
  caseId?: string | number | null | undefined;
  /** Accessed at or after. */
  from?: string | null | undefined;
  patientId?: string | number | null | undefined;
  /** Accessed at or before. */
  to?: string | null | undefined;
};

/** What the reader got: the data, a refusal, nothing, or an error. */
export type AccessOutcome = 'ERROR' | 'FORBIDDEN' | 'NOT_FOUND' | 'OK';

export type AmputationLevel = 'MAJOR' | 'MINOR' | 'NONE';

/** Every given condition must hold. */
export type AuditLogFilter = {
  /** Events recorded by this user. */
  actorId?: string | number | null | undefined;
  /** Recorded at or after. */
  recordedFrom?: string | null | undefined;
  /** Recorded at or before. */
  recordedTo?: string | null | undefined;
  /** Streams whose name starts with this, e.g. "case-", "patient-", "access-2026-05". */
  streamPrefix?: string | null | undefined;
  /** Events of these types, e.g. HarvestPerformed. */
  types?: Array<string> | null | undefined;
};

export type CaseFilter = {
  /** Cases with (true) or without (false) a blocking finding. */
  complete?: boolean | null | undefined;
  facilityId?: string | number | null | undefined;
  patientId?: string | number | null | undefined;
  /** Cases with a finding of this rule, e.g. PRE-03. */
  rule?: string | null | undefined;
  status?: CaseStatus | null | undefined;
  updatedFrom?: string | null | undefined;
  updatedTo?: string | null | undefined;
};

export type CaseStatus = 'CLOSED' | 'OPEN';

export type CloseReason = 'CANCELLED' | 'COMPLETED' | 'DECEASED' | 'LOST_TO_FOLLOW_UP';

export type ConcentrationMethod = 'CENTRIFUGATION';

export type FontaineStage = 'I' | 'IIA' | 'IIB' | 'III' | 'IV';

export type HarvestSides = 'BILATERAL' | 'LEFT' | 'RIGHT';

export type HarvestSite = 'ANTERIOR_SUPERIOR_ILIAC_SPINE' | 'POSTERIOR_ILIAC_CREST';

export type InjectionRoute = 'INTRAMUSCULAR' | 'INTRAOSSEOUS' | 'INTRAVENOUS' | 'INTRA_ARTERIAL' | 'OTHER' | 'SUBCUTANEOUS';

/** The leg treated (the CPT unit is one leg). */
export type Leg = 'LEFT' | 'RIGHT';

export type LesionKind = 'OCCLUSION' | 'STENOSIS';

/** BLOCKING: the case cannot be billed or closed as compliant. WARNING: worth fixing, not blocking. */
export type Severity = 'BLOCKING' | 'WARNING';

export type Sex = 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';

/** What a signature means (21 CFR 11.50). */
export type SignatureMeaning = 'APPROVAL' | 'AUTHORSHIP' | 'REVIEW';

export type UlcerStatus = 'HEALED' | 'HEALING' | 'NONE' | 'PRESENT';

export type ConsoleCaseHistoryQueryVariables = Exact<{
  caseId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ConsoleCaseHistoryQuery = {
  caseHistory: {
    edges: Array<{
      node: {
        id: string;
        stream: string;
        revision: number;
        position: string;
        type: string;
        occurredAt: string;
        recordedAt: string;
        lateEntry: boolean;
        hash: string;
        prevHash: string | null;
        actor: { id: string; name: string; role: string };
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  verifyCaseIntegrity: {
    valid: boolean;
    eventCount: number;
    headRevision: number | null;
    headHash: string | null;
    firstInvalidRevision: number | null;
    reason: string | null;
  };
};

export type HistoryEventFragment = {
  id: string;
  stream: string;
  revision: number;
  position: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  lateEntry: boolean;
  hash: string;
  prevHash: string | null;
  actor: { id: string; name: string; role: string };
};

export type ConsoleCaseAsOfQueryVariables = Exact<{
  caseId: string | number;
  at: string;
}>;

export type ConsoleCaseAsOfQuery = {
  caseAsOf: {
    asOf: string;
    id: string;
    patientId: string;
    facilityId: string;
    status: CaseStatus;
    legs: Array<Leg>;
    revision: number;
    openedAt: string;
    updatedAt: string;
    closedAt: string | null;
    closeReason: CloseReason | null;
    diagnosisCode: string;
    rutherfordCategory: number | null;
    fontaineStage: FontaineStage | null;
    revascularizationNotPossible: boolean;
    amputationOnlyAlternative: boolean;
    harvestPlanned: boolean;
    dopplerAssessments: Array<{
      eventId: string;
      leg: Leg;
      abi: number;
      computedAbi: number;
      dorsalisPedisMmHg: number;
      posteriorTibialMmHg: number;
      brachialLeftMmHg: number;
      brachialRightMmHg: number;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    }>;
    angiographies: Array<{
      eventId: string;
      leg: Leg;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      findings: Array<{ segment: string; kind: LesionKind; severityPercent: number | null }>;
      recordedBy: { name: string; role: string };
    }>;
    harvest: {
      eventId: string;
      site: HarvestSite;
      sides: HarvestSides;
      aspirateVolumeMl: number | null;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    } | null;
    concentration: {
      eventId: string;
      method: ConcentrationMethod;
      inputVolumeMl: number;
      concentrateVolumeMl: number;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    } | null;
    injections: Array<{
      eventId: string;
      leg: Leg;
      route: InjectionRoute;
      injectionCount: number;
      totalVolumeMl: number;
      targetSegments: Array<string>;
      ultrasoundGuided: boolean | null;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    }>;
    outcomes: Array<{
      eventId: string;
      leg: Leg;
      abi: number | null;
      restPainScore: number | null;
      ulcerStatus: UlcerStatus | null;
      amputation: AmputationLevel | null;
      deceased: boolean | null;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    }>;
    amendments: Array<{
      eventId: string;
      targetEventId: string;
      targetType: string;
      reason: string;
      recordedAt: string;
      previous: Record<string, unknown>;
      changes: Record<string, unknown>;
      actor: { id: string; name: string; role: string };
    }>;
    signatures: Array<{
      eventId: string;
      signerName: string;
      signerRole: string;
      signedAt: string;
      meaning: SignatureMeaning;
      lateEntry: boolean;
    }>;
    compliance: {
      complete: boolean;
      findings: Array<{ rule: string; severity: Severity; message: string; eventIds: Array<string> }>;
      supportedCodes: Array<{ code: string; leg: Leg | null; reason: string }>;
    };
  } | null;
};

export type SnapshotViewFragment = {
  asOf: string;
  id: string;
  patientId: string;
  facilityId: string;
  status: CaseStatus;
  legs: Array<Leg>;
  revision: number;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
  closeReason: CloseReason | null;
  diagnosisCode: string;
  rutherfordCategory: number | null;
  fontaineStage: FontaineStage | null;
  revascularizationNotPossible: boolean;
  amputationOnlyAlternative: boolean;
  harvestPlanned: boolean;
  dopplerAssessments: Array<{
    eventId: string;
    leg: Leg;
    abi: number;
    computedAbi: number;
    dorsalisPedisMmHg: number;
    posteriorTibialMmHg: number;
    brachialLeftMmHg: number;
    brachialRightMmHg: number;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: Array<string>;
    recordedBy: { name: string; role: string };
  }>;
  angiographies: Array<{
    eventId: string;
    leg: Leg;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: Array<string>;
    findings: Array<{ segment: string; kind: LesionKind; severityPercent: number | null }>;
    recordedBy: { name: string; role: string };
  }>;
  harvest: {
    eventId: string;
    site: HarvestSite;
    sides: HarvestSides;
    aspirateVolumeMl: number | null;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: Array<string>;
    recordedBy: { name: string; role: string };
  } | null;
  concentration: {
    eventId: string;
    method: ConcentrationMethod;
    inputVolumeMl: number;
    concentrateVolumeMl: number;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: Array<string>;
    recordedBy: { name: string; role: string };
  } | null;
  injections: Array<{
    eventId: string;
    leg: Leg;
    route: InjectionRoute;
    injectionCount: number;
    totalVolumeMl: number;
    targetSegments: Array<string>;
    ultrasoundGuided: boolean | null;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: Array<string>;
    recordedBy: { name: string; role: string };
  }>;
  outcomes: Array<{
    eventId: string;
    leg: Leg;
    abi: number | null;
    restPainScore: number | null;
    ulcerStatus: UlcerStatus | null;
    amputation: AmputationLevel | null;
    deceased: boolean | null;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: Array<string>;
    recordedBy: { name: string; role: string };
  }>;
  amendments: Array<{
    eventId: string;
    targetEventId: string;
    targetType: string;
    reason: string;
    recordedAt: string;
    previous: Record<string, unknown>;
    changes: Record<string, unknown>;
    actor: { id: string; name: string; role: string };
  }>;
  signatures: Array<{
    eventId: string;
    signerName: string;
    signerRole: string;
    signedAt: string;
    meaning: SignatureMeaning;
    lateEntry: boolean;
  }>;
  compliance: {
    complete: boolean;
    findings: Array<{ rule: string; severity: Severity; message: string; eventIds: Array<string> }>;
    supportedCodes: Array<{ code: string; leg: Leg | null; reason: string }>;
  };
};

export type ConsoleAccessLogQueryVariables = Exact<{
  filter?: AccessLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ConsoleAccessLogQuery = {
  accessLog: {
    edges: Array<{
      node: {
        eventId: string;
        accessedAt: string;
        operation: string;
        outcome: AccessOutcome;
        caseId: string | null;
        patientId: string | null;
        actor: { id: string; name: string; role: string };
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ConsoleAuditLogQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ConsoleAuditLogQuery = {
  auditLog: {
    edges: Array<{
      node: {
        id: string;
        stream: string;
        revision: number;
        position: string;
        type: string;
        occurredAt: string;
        recordedAt: string;
        lateEntry: boolean;
        hash: string;
        prevHash: string | null;
        actor: { id: string; name: string; role: string };
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type CaseViewFragment = {
  id: string;
  patientId: string;
  facilityId: string;
  status: CaseStatus;
  legs: Array<Leg>;
  revision: number;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
  closeReason: CloseReason | null;
  diagnosisCode: string;
  rutherfordCategory: number | null;
  fontaineStage: FontaineStage | null;
  revascularizationNotPossible: boolean;
  amputationOnlyAlternative: boolean;
  harvestPlanned: boolean;
  dopplerAssessments: Array<{
    eventId: string;
    leg: Leg;
    abi: number;
    computedAbi: number;
    dorsalisPedisMmHg: number;
    posteriorTibialMmHg: number;
    brachialLeftMmHg: number;
    brachialRightMmHg: number;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: Array<string>;
    recordedBy: { name: string; role: string };
  }>;
  angiographies: Array<{
    eventId: string;
    leg: Leg;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: Array<string>;
    findings: Array<{ segment: string; kind: LesionKind; severityPercent: number | null }>;
    recordedBy: { name: string; role: string };
  }>;
  harvest: {
    eventId: string;
    site: HarvestSite;
    sides: HarvestSides;
    aspirateVolumeMl: number | null;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: Array<string>;
    recordedBy: { name: string; role: string };
  } | null;
  concentration: {
    eventId: string;
    method: ConcentrationMethod;
    inputVolumeMl: number;
    concentrateVolumeMl: number;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: Array<string>;
    recordedBy: { name: string; role: string };
  } | null;
  injections: Array<{
    eventId: string;
    leg: Leg;
    route: InjectionRoute;
    injectionCount: number;
    totalVolumeMl: number;
    targetSegments: Array<string>;
    ultrasoundGuided: boolean | null;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: Array<string>;
    recordedBy: { name: string; role: string };
  }>;
  outcomes: Array<{
    eventId: string;
    leg: Leg;
    abi: number | null;
    restPainScore: number | null;
    ulcerStatus: UlcerStatus | null;
    amputation: AmputationLevel | null;
    deceased: boolean | null;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: Array<string>;
    recordedBy: { name: string; role: string };
  }>;
  amendments: Array<{
    eventId: string;
    targetEventId: string;
    targetType: string;
    reason: string;
    recordedAt: string;
    previous: Record<string, unknown>;
    changes: Record<string, unknown>;
    actor: { id: string; name: string; role: string };
  }>;
  signatures: Array<{
    eventId: string;
    signerName: string;
    signerRole: string;
    signedAt: string;
    meaning: SignatureMeaning;
    lateEntry: boolean;
  }>;
  compliance: {
    complete: boolean;
    findings: Array<{ rule: string; severity: Severity; message: string; eventIds: Array<string> }>;
    supportedCodes: Array<{ code: string; leg: Leg | null; reason: string }>;
  };
};

export type ConsoleCaseQueryVariables = Exact<{
  id: string | number;
}>;

export type ConsoleCaseQuery = {
  case: {
    id: string;
    patientId: string;
    facilityId: string;
    status: CaseStatus;
    legs: Array<Leg>;
    revision: number;
    openedAt: string;
    updatedAt: string;
    closedAt: string | null;
    closeReason: CloseReason | null;
    diagnosisCode: string;
    rutherfordCategory: number | null;
    fontaineStage: FontaineStage | null;
    revascularizationNotPossible: boolean;
    amputationOnlyAlternative: boolean;
    harvestPlanned: boolean;
    dopplerAssessments: Array<{
      eventId: string;
      leg: Leg;
      abi: number;
      computedAbi: number;
      dorsalisPedisMmHg: number;
      posteriorTibialMmHg: number;
      brachialLeftMmHg: number;
      brachialRightMmHg: number;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    }>;
    angiographies: Array<{
      eventId: string;
      leg: Leg;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      findings: Array<{ segment: string; kind: LesionKind; severityPercent: number | null }>;
      recordedBy: { name: string; role: string };
    }>;
    harvest: {
      eventId: string;
      site: HarvestSite;
      sides: HarvestSides;
      aspirateVolumeMl: number | null;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    } | null;
    concentration: {
      eventId: string;
      method: ConcentrationMethod;
      inputVolumeMl: number;
      concentrateVolumeMl: number;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    } | null;
    injections: Array<{
      eventId: string;
      leg: Leg;
      route: InjectionRoute;
      injectionCount: number;
      totalVolumeMl: number;
      targetSegments: Array<string>;
      ultrasoundGuided: boolean | null;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    }>;
    outcomes: Array<{
      eventId: string;
      leg: Leg;
      abi: number | null;
      restPainScore: number | null;
      ulcerStatus: UlcerStatus | null;
      amputation: AmputationLevel | null;
      deceased: boolean | null;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    }>;
    amendments: Array<{
      eventId: string;
      targetEventId: string;
      targetType: string;
      reason: string;
      recordedAt: string;
      previous: Record<string, unknown>;
      changes: Record<string, unknown>;
      actor: { id: string; name: string; role: string };
    }>;
    signatures: Array<{
      eventId: string;
      signerName: string;
      signerRole: string;
      signedAt: string;
      meaning: SignatureMeaning;
      lateEntry: boolean;
    }>;
    compliance: {
      complete: boolean;
      findings: Array<{ rule: string; severity: Severity; message: string; eventIds: Array<string> }>;
      supportedCodes: Array<{ code: string; leg: Leg | null; reason: string }>;
    };
  } | null;
  complianceRules: Array<{ id: string; title: string; checks: string }>;
};

export type CasePatientQueryVariables = Exact<{
  id: string | number;
}>;

export type CasePatientQuery = {
  patient: { id: string; mrn: string; givenName: string; familyName: string; birthDate: string; sex: Sex } | null;
};

export type CaseUpdatedSubscriptionVariables = Exact<{
  caseId: string | number;
}>;

export type CaseUpdatedSubscription = {
  caseUpdated: {
    id: string;
    patientId: string;
    facilityId: string;
    status: CaseStatus;
    legs: Array<Leg>;
    revision: number;
    openedAt: string;
    updatedAt: string;
    closedAt: string | null;
    closeReason: CloseReason | null;
    diagnosisCode: string;
    rutherfordCategory: number | null;
    fontaineStage: FontaineStage | null;
    revascularizationNotPossible: boolean;
    amputationOnlyAlternative: boolean;
    harvestPlanned: boolean;
    dopplerAssessments: Array<{
      eventId: string;
      leg: Leg;
      abi: number;
      computedAbi: number;
      dorsalisPedisMmHg: number;
      posteriorTibialMmHg: number;
      brachialLeftMmHg: number;
      brachialRightMmHg: number;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    }>;
    angiographies: Array<{
      eventId: string;
      leg: Leg;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      findings: Array<{ segment: string; kind: LesionKind; severityPercent: number | null }>;
      recordedBy: { name: string; role: string };
    }>;
    harvest: {
      eventId: string;
      site: HarvestSite;
      sides: HarvestSides;
      aspirateVolumeMl: number | null;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    } | null;
    concentration: {
      eventId: string;
      method: ConcentrationMethod;
      inputVolumeMl: number;
      concentrateVolumeMl: number;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    } | null;
    injections: Array<{
      eventId: string;
      leg: Leg;
      route: InjectionRoute;
      injectionCount: number;
      totalVolumeMl: number;
      targetSegments: Array<string>;
      ultrasoundGuided: boolean | null;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    }>;
    outcomes: Array<{
      eventId: string;
      leg: Leg;
      abi: number | null;
      restPainScore: number | null;
      ulcerStatus: UlcerStatus | null;
      amputation: AmputationLevel | null;
      deceased: boolean | null;
      occurredAt: string;
      recordedAt: string;
      lateEntry: boolean;
      amendedBy: Array<string>;
      recordedBy: { name: string; role: string };
    }>;
    amendments: Array<{
      eventId: string;
      targetEventId: string;
      targetType: string;
      reason: string;
      recordedAt: string;
      previous: Record<string, unknown>;
      changes: Record<string, unknown>;
      actor: { id: string; name: string; role: string };
    }>;
    signatures: Array<{
      eventId: string;
      signerName: string;
      signerRole: string;
      signedAt: string;
      meaning: SignatureMeaning;
      lateEntry: boolean;
    }>;
    compliance: {
      complete: boolean;
      findings: Array<{ rule: string; severity: Severity; message: string; eventIds: Array<string> }>;
      supportedCodes: Array<{ code: string; leg: Leg | null; reason: string }>;
    };
  };
};

export type FindPatientsQueryVariables = Exact<{
  mrn?: string | null | undefined;
  name?: string | null | undefined;
  first?: number | null | undefined;
}>;

export type FindPatientsQuery = {
  searchPatients: Array<{
    id: string;
    facilityId: string;
    mrn: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    cases: Array<{ id: string; status: CaseStatus; legs: Array<Leg>; openedAt: string }>;
  }>;
};

export type WorklistQueryVariables = Exact<{
  filter?: CaseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type WorklistQuery = {
  cases: {
    totalCount: number;
    edges: Array<{
      node: {
        id: string;
        patientId: string;
        facilityId: string;
        status: CaseStatus;
        legs: Array<Leg>;
        updatedAt: string;
        compliance: { complete: boolean; findings: Array<{ rule: string; severity: Severity }> };
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  complianceReport: {
    caseCount: number;
    completeCount: number;
    incompleteCount: number;
    byRule: Array<{ rule: string; severity: Severity; caseCount: number }>;
  };
  complianceRules: Array<{ id: string; title: string }>;
};

export type OverdueFollowUpsQueryVariables = Exact<{
  facilityId?: string | number | null | undefined;
}>;

export type OverdueFollowUpsQuery = {
  abi: { totalCount: number; edges: Array<{ node: { id: string; facilityId: string; legs: Array<Leg>; updatedAt: string } }> };
  restPain: { totalCount: number; edges: Array<{ node: { id: string; facilityId: string; legs: Array<Leg>; updatedAt: string } }> };
  ulcer: { totalCount: number; edges: Array<{ node: { id: string; facilityId: string; legs: Array<Leg>; updatedAt: string } }> };
};

export type OverdueCasesFragment = {
  totalCount: number;
  edges: Array<{ node: { id: string; facilityId: string; legs: Array<Leg>; updatedAt: string } }>;
};

export type FacilityReportQueryVariables = Exact<{
  filter: CaseFilter;
}>;

export type FacilityReportQuery = {
  complianceReport: {
    caseCount: number;
    completeCount: number;
    incompleteCount: number;
    byRule: Array<{ rule: string; severity: Severity; caseCount: number }>;
  };
  complianceRules: Array<{ id: string; title: string }>;
};

export const HistoryEventFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'HistoryEvent' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AuditEvent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stream' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'position' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hash' } },
          { kind: 'Field', name: { kind: 'Name', value: 'prevHash' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'actor' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<HistoryEventFragment, unknown>;
export const SnapshotViewFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SnapshotView' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CaseSnapshot' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'patientId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'facilityId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'legs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closeReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'diagnosisCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'rutherfordCategory' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fontaineStage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revascularizationNotPossible' } },
          { kind: 'Field', name: { kind: 'Name', value: 'amputationOnlyAlternative' } },
          { kind: 'Field', name: { kind: 'Name', value: 'harvestPlanned' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dopplerAssessments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'abi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'computedAbi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dorsalisPedisMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'posteriorTibialMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brachialLeftMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brachialRightMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'angiographies' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'findings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'segment' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severityPercent' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'harvest' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'site' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sides' } },
                { kind: 'Field', name: { kind: 'Name', value: 'aspirateVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'concentration' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'method' } },
                { kind: 'Field', name: { kind: 'Name', value: 'inputVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concentrateVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'injections' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'route' } },
                { kind: 'Field', name: { kind: 'Name', value: 'injectionCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'totalVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetSegments' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ultrasoundGuided' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'outcomes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'abi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'restPainScore' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ulcerStatus' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amputation' } },
                { kind: 'Field', name: { kind: 'Name', value: 'deceased' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'amendments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetEventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'previous' } },
                { kind: 'Field', name: { kind: 'Name', value: 'changes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'actor' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signatures' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signerName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signerRole' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'meaning' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'compliance' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'complete' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'findings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'eventIds' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'supportedCodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SnapshotViewFragment, unknown>;
export const CaseViewFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CaseView' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Case' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'patientId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'facilityId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'legs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closeReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'diagnosisCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'rutherfordCategory' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fontaineStage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revascularizationNotPossible' } },
          { kind: 'Field', name: { kind: 'Name', value: 'amputationOnlyAlternative' } },
          { kind: 'Field', name: { kind: 'Name', value: 'harvestPlanned' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dopplerAssessments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'abi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'computedAbi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dorsalisPedisMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'posteriorTibialMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brachialLeftMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brachialRightMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'angiographies' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'findings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'segment' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severityPercent' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'harvest' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'site' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sides' } },
                { kind: 'Field', name: { kind: 'Name', value: 'aspirateVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'concentration' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'method' } },
                { kind: 'Field', name: { kind: 'Name', value: 'inputVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concentrateVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'injections' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'route' } },
                { kind: 'Field', name: { kind: 'Name', value: 'injectionCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'totalVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetSegments' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ultrasoundGuided' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'outcomes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'abi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'restPainScore' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ulcerStatus' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amputation' } },
                { kind: 'Field', name: { kind: 'Name', value: 'deceased' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'amendments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetEventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'previous' } },
                { kind: 'Field', name: { kind: 'Name', value: 'changes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'actor' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signatures' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signerName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signerRole' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'meaning' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'compliance' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'complete' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'findings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'eventIds' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'supportedCodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CaseViewFragment, unknown>;
export const OverdueCasesFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'OverdueCases' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CaseConnection' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'edges' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'node' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'facilityId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'legs' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverdueCasesFragment, unknown>;
export const ConsoleCaseHistoryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ConsoleCaseHistory' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'caseId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'caseHistory' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'caseId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'caseId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'HistoryEvent' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'verifyCaseIntegrity' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'caseId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'caseId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'valid' } },
                { kind: 'Field', name: { kind: 'Name', value: 'eventCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'headRevision' } },
                { kind: 'Field', name: { kind: 'Name', value: 'headHash' } },
                { kind: 'Field', name: { kind: 'Name', value: 'firstInvalidRevision' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'HistoryEvent' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AuditEvent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stream' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'position' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hash' } },
          { kind: 'Field', name: { kind: 'Name', value: 'prevHash' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'actor' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConsoleCaseHistoryQuery, ConsoleCaseHistoryQueryVariables>;
export const ConsoleCaseAsOfDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ConsoleCaseAsOf' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'caseId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'at' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'caseAsOf' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'caseId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'caseId' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'at' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'at' } } },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SnapshotView' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SnapshotView' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CaseSnapshot' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'patientId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'facilityId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'legs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closeReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'diagnosisCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'rutherfordCategory' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fontaineStage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revascularizationNotPossible' } },
          { kind: 'Field', name: { kind: 'Name', value: 'amputationOnlyAlternative' } },
          { kind: 'Field', name: { kind: 'Name', value: 'harvestPlanned' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dopplerAssessments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'abi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'computedAbi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dorsalisPedisMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'posteriorTibialMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brachialLeftMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brachialRightMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'angiographies' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'findings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'segment' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severityPercent' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'harvest' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'site' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sides' } },
                { kind: 'Field', name: { kind: 'Name', value: 'aspirateVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'concentration' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'method' } },
                { kind: 'Field', name: { kind: 'Name', value: 'inputVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concentrateVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'injections' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'route' } },
                { kind: 'Field', name: { kind: 'Name', value: 'injectionCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'totalVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetSegments' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ultrasoundGuided' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'outcomes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'abi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'restPainScore' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ulcerStatus' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amputation' } },
                { kind: 'Field', name: { kind: 'Name', value: 'deceased' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'amendments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetEventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'previous' } },
                { kind: 'Field', name: { kind: 'Name', value: 'changes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'actor' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signatures' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signerName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signerRole' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'meaning' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'compliance' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'complete' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'findings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'eventIds' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'supportedCodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConsoleCaseAsOfQuery, ConsoleCaseAsOfQueryVariables>;
export const ConsoleAccessLogDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ConsoleAccessLog' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'AccessLogFilter' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'accessLog' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'accessedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'operation' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'caseId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'patientId' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'actor' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConsoleAccessLogQuery, ConsoleAccessLogQueryVariables>;
export const ConsoleAuditLogDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ConsoleAuditLog' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'AuditLogFilter' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'auditLog' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'HistoryEvent' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'HistoryEvent' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AuditEvent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stream' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'position' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hash' } },
          { kind: 'Field', name: { kind: 'Name', value: 'prevHash' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'actor' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConsoleAuditLogQuery, ConsoleAuditLogQueryVariables>;
export const ConsoleCaseDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ConsoleCase' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'case' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'CaseView' } }] },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'complianceRules' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'checks' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CaseView' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Case' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'patientId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'facilityId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'legs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closeReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'diagnosisCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'rutherfordCategory' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fontaineStage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revascularizationNotPossible' } },
          { kind: 'Field', name: { kind: 'Name', value: 'amputationOnlyAlternative' } },
          { kind: 'Field', name: { kind: 'Name', value: 'harvestPlanned' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dopplerAssessments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'abi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'computedAbi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dorsalisPedisMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'posteriorTibialMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brachialLeftMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brachialRightMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'angiographies' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'findings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'segment' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severityPercent' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'harvest' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'site' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sides' } },
                { kind: 'Field', name: { kind: 'Name', value: 'aspirateVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'concentration' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'method' } },
                { kind: 'Field', name: { kind: 'Name', value: 'inputVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concentrateVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'injections' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'route' } },
                { kind: 'Field', name: { kind: 'Name', value: 'injectionCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'totalVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetSegments' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ultrasoundGuided' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'outcomes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'abi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'restPainScore' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ulcerStatus' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amputation' } },
                { kind: 'Field', name: { kind: 'Name', value: 'deceased' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'amendments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetEventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'previous' } },
                { kind: 'Field', name: { kind: 'Name', value: 'changes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'actor' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signatures' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signerName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signerRole' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'meaning' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'compliance' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'complete' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'findings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'eventIds' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'supportedCodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConsoleCaseQuery, ConsoleCaseQueryVariables>;
export const CasePatientDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CasePatient' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mrn' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'birthDate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CasePatientQuery, CasePatientQueryVariables>;
export const CaseUpdatedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'CaseUpdated' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'caseId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'caseUpdated' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'caseId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'caseId' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'CaseView' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CaseView' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Case' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'patientId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'facilityId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'legs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closeReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'diagnosisCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'rutherfordCategory' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fontaineStage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revascularizationNotPossible' } },
          { kind: 'Field', name: { kind: 'Name', value: 'amputationOnlyAlternative' } },
          { kind: 'Field', name: { kind: 'Name', value: 'harvestPlanned' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dopplerAssessments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'abi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'computedAbi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dorsalisPedisMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'posteriorTibialMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brachialLeftMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brachialRightMmHg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'angiographies' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'findings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'segment' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severityPercent' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'harvest' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'site' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sides' } },
                { kind: 'Field', name: { kind: 'Name', value: 'aspirateVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'concentration' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'method' } },
                { kind: 'Field', name: { kind: 'Name', value: 'inputVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concentrateVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'injections' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'route' } },
                { kind: 'Field', name: { kind: 'Name', value: 'injectionCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'totalVolumeMl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetSegments' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ultrasoundGuided' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'outcomes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                { kind: 'Field', name: { kind: 'Name', value: 'abi' } },
                { kind: 'Field', name: { kind: 'Name', value: 'restPainScore' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ulcerStatus' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amputation' } },
                { kind: 'Field', name: { kind: 'Name', value: 'deceased' } },
                { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
                { kind: 'Field', name: { kind: 'Name', value: 'amendedBy' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recordedBy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'amendments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetEventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'previous' } },
                { kind: 'Field', name: { kind: 'Name', value: 'changes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'actor' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signatures' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signerName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signerRole' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'meaning' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lateEntry' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'compliance' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'complete' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'findings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'eventIds' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'supportedCodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'leg' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CaseUpdatedSubscription, CaseUpdatedSubscriptionVariables>;
export const FindPatientsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'FindPatients' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'mrn' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'searchPatients' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'mrn' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'mrn' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'name' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'facilityId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mrn' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'birthDate' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'cases' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'legs' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FindPatientsQuery, FindPatientsQueryVariables>;
export const WorklistDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Worklist' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'CaseFilter' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'cases' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'patientId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'facilityId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'legs' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'compliance' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'complete' } },
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'findings' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                                      ],
                                    },
                                  },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'complianceReport' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'caseCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'completeCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'incompleteCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'byRule' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'caseCount' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'complianceRules' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WorklistQuery, WorklistQueryVariables>;
export const OverdueFollowUpsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OverdueFollowUps' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'facilityId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'abi' },
            name: { kind: 'Name', value: 'cases' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'rule' },
                      value: { kind: 'StringValue', value: 'POST-01', block: false },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'facilityId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'facilityId' } },
                    },
                  ],
                },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '50' } },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'OverdueCases' } }] },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'restPain' },
            name: { kind: 'Name', value: 'cases' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'rule' },
                      value: { kind: 'StringValue', value: 'POST-02', block: false },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'facilityId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'facilityId' } },
                    },
                  ],
                },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '50' } },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'OverdueCases' } }] },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'ulcer' },
            name: { kind: 'Name', value: 'cases' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'rule' },
                      value: { kind: 'StringValue', value: 'POST-03', block: false },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'facilityId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'facilityId' } },
                    },
                  ],
                },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '50' } },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'OverdueCases' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'OverdueCases' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CaseConnection' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'edges' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'node' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'facilityId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'legs' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverdueFollowUpsQuery, OverdueFollowUpsQueryVariables>;
export const FacilityReportDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'FacilityReport' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CaseFilter' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'complianceReport' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'caseCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'completeCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'incompleteCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'byRule' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'caseCount' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'complianceRules' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FacilityReportQuery, FacilityReportQueryVariables>;

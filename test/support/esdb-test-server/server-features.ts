/**
 * ServerFeatures.GetSupportedMethods: the first call a client makes. It lists only what this server
 * implements; the client chooses BatchAppend over Append when BatchAppend is listed.
 */
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import type { Empty } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { SupportedMethod, SupportedMethods } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb';

/** The EventStoreDB version whose behaviour the test server follows. */
export const EMULATED_SERVER_VERSION = '24.10.0';

const STREAMS = 'event_store.client.streams.Streams';
const FEATURES = 'event_store.client.server_features.ServerFeatures';

export function handleGetSupportedMethods(options: { batchAppend: boolean }) {
  return (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void => {
    const methods: [string, string, string[]][] = [
      [FEATURES, 'getsupportedmethods', []],
      [STREAMS, 'read', ['position', 'events']],
      [STREAMS, 'append', []],
    ];
    if (options.batchAppend) methods.push([STREAMS, 'batchappend', []]);
    const supported = new SupportedMethods().setEventStoreServerVersion(EMULATED_SERVER_VERSION);
    for (const [service, method, features] of methods) {
      supported.addMethods(new SupportedMethod().setServiceName(service).setMethodName(method).setFeaturesList(features));
    }
    callback(null, supported);
  };
}

/** The seam's refusals: who is not signed in, and which role may not do what (never which data exists). */
import type { GraphQLError } from 'graphql';
import { forbidden, unauthenticated } from '../graphql/common/errors';
import type { Action } from './permissions';

export const unauthenticatedCaller = (): GraphQLError => unauthenticated();

export const forbiddenFor = (action: Action): GraphQLError => {
  const error = forbidden('not allowed for your role');
  error.extensions.action = action;
  return error;
};

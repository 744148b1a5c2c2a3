import type { Projection } from './projection';

/** The version is part of the checkpoint's name: a new version finds no checkpoint and is rebuilt. */
export const checkpointName = (projection: Pick<Projection, 'name' | 'version'>): string => `${projection.name}@v${projection.version}`;

export const DEAD_LETTERS = 'dead-letters';

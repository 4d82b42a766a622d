import { randomBytes } from 'node:crypto';

/** A new opaque id such as `p_3kTq9x0aB1cD`: prefix for the kind, 72 random bits. */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(9).toString('base64url')}`;

import { fileURLToPath } from 'node:url';

/** The project's shared/ folder: beside the repository (as on every machine and in CI). */
export const SHARED = process.env.FLANNEL_DOCTOR_SHARED ?? fileURLToPath(new URL('../../shared', import.meta.url));

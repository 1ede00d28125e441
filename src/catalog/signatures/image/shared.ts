/** Docker Hub answers a repository that does not exist and a private one alike: the check that tells them apart. */
export const MISSING_OR_PRIVATE =
  'does the repository exist under that exact name (a typo, a local build never pushed, a missing namespace: docker.io/library/<name> vs docker.io/<user>/<name>)? If it does, it is private: the pull secret must hold credentials for that registry host';

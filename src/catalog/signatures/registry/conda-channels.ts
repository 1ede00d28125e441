import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * conda's own words for a channel's HTTP answer (conda/gateways/connection/download.py, CondaHTTPError:
 * "HTTP <code> <reason> for url <url>"): the status decides, as a registry's does for a pull.
 */
export const CONDA_CHANNEL_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.conda-http-429',
    cause: 'image.rate-limited',
    // The channel's CDN refused for the request rate (or for the terms that restrict anonymous use of its defaults
    // channel): the reason phrase is whatever the CDN sent, the status is the verdict.
    re: /condahttperror: http 429 [^\n]{0,60}?for url </,
    anchors: ['condahttperror: http 429'],
    confidence: 0.85,
    specificity: 94,
    check: 'how many clients share this egress address and which channels they use (conda config --show channels): a mirror or proxy channel inside the network (custom_channels, channel_alias) takes the load off the public one',
    source: 'conda gateways/connection/download.py (CondaHTTPError "HTTP %s %s for url <%s>")',
    samples: [
      'CondaHTTPError: HTTP 429 TOO MANY REQUESTS for url <https://conda.anaconda.org/conda-forge/linux-64/repodata.json>',
      'conda.exceptions.CondaHTTPError: HTTP 429 CLOUDFLARE REASON for url <https://repo.anaconda.com/pkgs/main/noarch/repodata.json>',
    ],
    counterSamples: ['CondaHTTPError: HTTP 404 NOT FOUND for url <https://conda.anaconda.org/nochannel/linux-64/repodata.json>'],
  }),
  sig({
    id: 'registry.conda-token-refused',
    cause: 'image.auth-rejected',
    // A channel URL that carries a token (/t/<token>/) answered 401: the token was presented and refused (expired,
    // revoked, or for another organisation), not missing.
    re: /condahttperror: http 401 [^\n]{0,40}?for url <https?:\/\/[^\s>]+\/t\/[^\s\/>]+\//,
    anchors: ['condahttperror: http 401'],
    confidence: 0.85,
    specificity: 95,
    check: 'the token in the channel URL (conda config --show channels; anaconda auth --list-scopes or the token\'s page on the server): renew it and set it again (conda config --set channel_alias or the channel URL with /t/<new token>/)',
    source: 'conda gateways/connection/download.py (CondaHTTPError for 401: "The remote server has indicated you are using invalid credentials for this channel")',
    samples: [
      'CondaHTTPError: HTTP 401 UNAUTHORIZED for url <https://conda.anaconda.org/t/REDACTED/acme/linux-64/repodata.json>',
      'conda.exceptions.CondaHTTPError: HTTP 401 UNAUTHORIZED for url <https://repo.lab/t/REDACTED/private/noarch/repodata.json>',
    ],
    counterSamples: ['CondaHTTPError: HTTP 401 UNAUTHORIZED for url <https://conda.anaconda.org/acme/linux-64/repodata.json>'],
  }),
];

import type { Messages } from './id';

export const en: Messages = {
  app: {
    title: 'Sigap',
    subtitle: 'Kota Madiun 112 console',
    clock: 'Current time (WIB)',
  },
  language: {
    switchTo: 'Bahasa Indonesia',
    switchLabel: 'Switch language to Bahasa Indonesia',
  },
  overview: {
    title: 'This desk',
    version: 'Version',
    mode: 'Mode',
    store: 'Local store',
    hubUrl: 'Hub address',
    hubState: 'Hub state',
    hubSince: 'Since',
    none: 'none',
  },
  mode: { browser: 'browser host', desktop: 'desktop app' },
  status: {
    bar: 'Status bar',
    hub: 'Hub connection',
    backend: 'Console connection',
    hubState: {
      online: 'Hub online',
      offline: 'Hub offline',
      connecting: 'Connecting to hub…',
      refused: 'Hub refused this desk',
      not_configured: 'No hub configured',
    },
    since: 'since {{time}} WIB',
    backendState: {
      connecting: 'Connecting to console…',
      up: 'Console ready',
      down: 'Console service lost; retrying…',
      unauthorized: 'Session not authorised',
    },
    version: 'Version {{version}}',
  },
  session: {
    missingTitle: 'No console session',
    missingBody: 'Open Sigap from the address printed by npm start (it carries the session key).',
  },
  errors: {
    'api.bad_request': 'The request could not be read.',
    'api.unknown_channel': 'Unknown command.',
    'api.invalid_args': 'Invalid input.',
    'api.unreachable': 'The console service cannot be reached.',
    'auth.missing_key': 'Session not authorised; open Sigap from the address npm start printed.',
    'store.too_new': 'The local store was made by a newer Sigap.',
    'hub.insecure_url': 'A hub beyond this computer must use https.',
    'hub.invalid_url': 'The hub address is not valid.',
    internal: 'An internal error occurred; details are in the log.',
  },
};

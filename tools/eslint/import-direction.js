/**
 * ESLint rule `sigap/import-direction`: imports flow one way (DESIGN §3).
 * renderer → shared; electron → shared; hub → shared; nothing imports renderer or
 * electron/main; shared uses no Node, DOM-only or desktop packages; core and the
 * hosts never import 'electron'. Relative imports are resolved to the folder they land in.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE = new Set(builtinModules);
const isNodeBuiltin = (spec) => spec.startsWith('node:') || NODE.has(spec.split('/')[0]);

/** Longest prefix wins. `may` lists the layers a file here may import from. */
export const LAYERS = [
  {
    layer: 'shared',
    may: ['shared'],
    noNode: true,
    noPackages: [
      'electron',
      'react',
      'react-dom',
      'better-sqlite3',
      'socket.io',
      'socket.io-client',
      'ws',
    ],
  },
  {
    layer: 'renderer',
    may: ['renderer', 'shared'],
    noNode: true,
    noPackages: ['electron', 'better-sqlite3', 'socket.io', 'ws'],
  },
  {
    layer: 'electron/core',
    may: ['electron/core', 'shared'],
    noPackages: ['electron', 'react', 'react-dom'],
  },
  {
    layer: 'electron/host',
    may: ['electron/host', 'electron/core', 'shared'],
    noPackages: ['electron', 'react', 'react-dom'],
  },
  {
    layer: 'electron/launch',
    may: ['electron/launch', 'electron/core', 'electron/host', 'shared'],
    noPackages: ['electron', 'react', 'react-dom'],
  },
  {
    layer: 'electron/main',
    may: ['electron/main', 'electron/core', 'electron/launch', 'shared'],
    noPackages: ['react', 'react-dom'],
  },
  {
    layer: 'electron/preload',
    may: ['electron/preload', 'shared'],
    noNode: true,
    noPackages: ['react', 'react-dom', 'better-sqlite3'],
  },
  {
    layer: 'hub',
    may: ['hub', 'shared'],
    noPackages: ['electron', 'react', 'react-dom', 'socket.io-client'],
  },
  {
    // The OPD inbox page the hub serves: runs in the clerk's browser.
    layer: 'hub/inbox',
    may: ['hub/inbox', 'shared'],
    noNode: true,
    noPackages: ['electron', 'better-sqlite3', 'socket.io', 'ws'],
  },
  {
    layer: 'scripts',
    may: ['scripts', 'shared', 'electron/core', 'electron/host', 'electron/launch', 'hub'],
  },
  {
    layer: 'bench',
    may: [
      'bench',
      'shared',
      'electron/core',
      'electron/host',
      'electron/launch',
      'hub',
      'tests',
      'scripts',
    ],
  },
];

function layerOf(relPath) {
  const posix = relPath.split(path.sep).join('/');
  let best;
  for (const l of LAYERS) {
    if (posix === l.layer || posix.startsWith(`${l.layer}/`)) {
      if (!best || l.layer.length > best.layer.length) best = l;
    }
  }
  return best;
}

/** Tests may reach into any layer they test, but tests beside code still obey their layer's package rules. */
const isTestFile = (relPath) =>
  /\.(test|spec)\.tsx?$/.test(relPath) || relPath.split(path.sep)[0] === 'tests';

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports must follow the layer directions of DESIGN §3.' },
    schema: [],
    messages: {
      layer: '{{from}} may not import from {{to}} (allowed: {{allowed}}).',
      node: '{{from}} must not use Node built-ins ("{{spec}}"): it runs outside Node.',
      pkg: '{{from}} must not import "{{spec}}".',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const rel = path.relative(root, file);
    const from = layerOf(rel);
    if (!from || isTestFile(rel)) return {};

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(file), spec));
        const to = layerOf(target);
        const top = target.split(path.sep)[0];
        const name = to?.layer ?? top;
        const inRepoLayer =
          to !== undefined || ['renderer', 'electron', 'hub', 'shared', 'tests'].includes(top);
        if (inRepoLayer && !from.may.includes(name)) {
          context.report({
            node,
            messageId: 'layer',
            data: { from: from.layer, to: name, allowed: from.may.join(', ') },
          });
        }
        return;
      }
      if (from.noNode && isNodeBuiltin(spec)) {
        context.report({ node, messageId: 'node', data: { from: from.layer, spec } });
        return;
      }
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (from.noPackages?.includes(pkg)) {
        context.report({ node, messageId: 'pkg', data: { from: from.layer, spec } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

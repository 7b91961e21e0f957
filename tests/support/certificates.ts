/**
 * A private CA and a hub certificate it signed (for 127.0.0.1 and localhost), made at test
 * time with the openssl command-line tool, as a center's IT staff would.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface TestPki {
  caFile: string;
  certFile: string;
  keyFile: string;
}

const openssl = (args: string[], cwd: string) =>
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

/** A CA (`name`-ca.pem) and a server certificate it signed (`name`-cert.pem, `name`-key.pem). */
export function makePki(dir: string, name: string): TestPki {
  try {
    openssl(['version'], dir);
  } catch {
    throw new Error('these tests need the openssl command (Debian: apt-get install openssl)');
  }
  const f = (suffix: string) => path.join(dir, `${name}-${suffix}`);
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${name} test CA`,
      '-keyout',
      f('ca-key.pem'),
      '-out',
      f('ca.pem'),
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      f('key.pem'),
      '-out',
      f('csr.pem'),
    ],
    dir,
  );
  fs.writeFileSync(
    f('ext.cnf'),
    'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n',
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      f('csr.pem'),
      '-CA',
      f('ca.pem'),
      '-CAkey',
      f('ca-key.pem'),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      f('ext.cnf'),
      '-out',
      f('cert.pem'),
    ],
    dir,
  );
  return { caFile: f('ca.pem'), certFile: f('cert.pem'), keyFile: f('key.pem') };
}

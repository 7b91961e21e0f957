/**
 * SIGAP_HUB_CA: the certificate authority a desk trusts for its hub, for a center whose hub
 * has a certificate from its own (private) CA. When set, the hub's certificate must chain
 * to a certificate in this PEM file; public CAs are then not trusted for the hub.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Reads and checks the file; throws an Error whose message names the variable. */
export function readHubCa(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`SIGAP_HUB_CA: cannot read ${file} (${code})`);
  }
  const certs = text.match(PEM_CERT) ?? [];
  if (certs.length === 0) {
    throw new Error(`SIGAP_HUB_CA: ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  }
  certs.forEach((pem, i) => {
    let cert: crypto.X509Certificate;
    try {
      cert = new crypto.X509Certificate(pem);
    } catch (error) {
      throw new Error(
        `SIGAP_HUB_CA: certificate ${i + 1} in ${file} is not valid: ${(error as Error).message}`,
      );
    }
    if (!cert.ca) {
      throw new Error(
        `SIGAP_HUB_CA: certificate ${i + 1} in ${file} (${cert.subject.replace(/\n/g, ', ')}) is not a CA certificate`,
      );
    }
  });
  return certs.join('\n');
}

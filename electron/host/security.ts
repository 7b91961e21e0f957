/**
 * The browser host's guards: only this machine, only this origin, only a caller that
 * holds this run's secret. Other local pages and DNS-rebinding tricks get nothing.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import { contentSecurityPolicy as buildCsp, pageSecurityHeaders } from '../../shared/csp';

export function newKey(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function sameKey(expected: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function bearer(req: http.IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

export function contentSecurityPolicy(port: number): string {
  return buildCsp({ connect: ['self', `ws://127.0.0.1:${port}`, `ws://localhost:${port}`] });
}

export function securityHeaders(port: number): Record<string, string> {
  return pageSecurityHeaders(contentSecurityPolicy(port), { denyFraming: true });
}

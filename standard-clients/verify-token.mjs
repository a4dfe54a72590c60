// Verifies an access token the way an outside client or resource server would: only the issuer URL is known; the
// discovery document names the key set, and panva/jose checks signature, typ, issuer, audience and expiry.
// Usage: node verify-token.mjs ISSUER_URL AUDIENCE < token
// Prints one JSON line: {"ok":true,"kid":...,"payload":{...}} or {"ok":false,"code":...,"message":...}; exit 0 / 1.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { readFileSync } from 'node:fs';

const [issuer, audience] = process.argv.slice(2);
const token = readFileSync(0, 'utf8').trim();

try {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw Object.assign(new Error(`discovery answered ${response.status}`), { code: 'DISCOVERY' });
  const discovery = await response.json();
  if (discovery.issuer !== issuer) {
    throw Object.assign(new Error(`discovery names issuer ${discovery.issuer}`), { code: 'ISSUER_MISMATCH' });
  }
  const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
  const { payload, protectedHeader } = await jwtVerify(token, keys, {
    issuer, audience, typ: 'at+jwt', algorithms: discovery.id_token_signing_alg_values_supported,
  });
  console.log(JSON.stringify({ ok: true, kid: protectedHeader.kid, payload }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, code: error.code ?? 'ERROR', message: error.message }));
  process.exit(1);
}

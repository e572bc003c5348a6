// A third-party verifier for the library's certificates: Digital Bazaar's
// JavaScript VC stack (@digitalbazaar/vc with data-integrity and the
// eddsa-jcs-2022 cryptosuite, pinned in package-lock.json), run offline with
// a document loader that serves only local contexts and resolves did:key and
// the test's did:web documents from the folder the issuers wrote.
//
//   node verify.mjs OUT_DIR
//
// Checks, each failing the run: every *.vc.json verifies with the default
// issuer check (the issuer must control the signing key); each changed one
// is refused; a revocable credential verifies and its revoked sibling does
// not (the status list decoded here from the specification); JSON-LD
// expansion in safe mode keeps the certificate's content; the W3C
// eddsa-jcs-2022 vector verifies; and the stack signs a credential for the
// library to verify (digitalbazaar-signed.vc.json).
import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {gunzipSync} from 'node:zlib';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createSignCryptosuite, createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {contexts as credentialContexts} from '@digitalbazaar/credentials-context';
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';

const here = dirname(fileURLToPath(import.meta.url));
const vectors = join(here, '..', 'vectors');
const out = process.argv[2];
const now = new Date('2026-11-22T10:00:00Z');
const readJson = path => JSON.parse(readFileSync(path, 'utf8'));

let failures = 0, checks = 0;
function expect(ok, what) {
  checks++;
  if(!ok) {
    failures++;
    console.error(`interop: FAILED: ${what}`);
  }
}

// ---- the local-only document loader ----------------------------------------

const contexts = new Map([
  ['https://www.w3.org/ns/credentials/v2', credentialContexts.get('https://www.w3.org/ns/credentials/v2')],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', readJson(join(vectors, 'openbadges-3.0', 'context-3.0.3.json'))],
]);
const didDocuments = new Map();
for(const f of readdirSync(out).filter(f => f.endsWith('.did.json'))) {
  const doc = readJson(join(out, f));
  didDocuments.set(doc.id, doc);
}

function didKeyDocument(did) {
  const key = did.slice('did:key:'.length);
  const method = `${did}#${key}`;
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [{id: method, type: 'Multikey', controller: did, publicKeyMultibase: key}],
    assertionMethod: [method],
  };
}

const loaded = [];
async function documentLoader(url) {
  loaded.push(url);
  if(contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  const [did, fragment] = url.split('#');
  let doc;
  if(did.startsWith('did:key:')) {
    doc = didKeyDocument(did);
  } else if(didDocuments.has(did)) {
    doc = didDocuments.get(did);
  } else {
    throw new Error(`the loader serves only local documents; asked for ${url}`);
  }
  if(fragment === undefined) {
    return {contextUrl: null, documentUrl: url, document: doc};
  }
  const method = doc.verificationMethod.find(m => m.id === url);
  if(!method) {
    throw new Error(`no verification method ${url}`);
  }
  return {contextUrl: null, documentUrl: url,
    document: {'@context': 'https://w3id.org/security/multikey/v1', ...method}};
}

// ---- Bitstring Status List, from the specification -------------------------

const statusLists = new Map();
for(const f of readdirSync(out).filter(f => f.endsWith('.list.json'))) {
  const list = readJson(join(out, f));
  statusLists.set(list.id, list);
}

async function checkStatus({credential}) {
  const entry = credential.credentialStatus;
  const list = statusLists.get(entry.statusListCredential);
  if(!list || entry.type !== 'BitstringStatusListEntry') {
    return {verified: false, error: new Error('no status list')};
  }
  // The list is a credential of the same issuer, verified as any other.
  const listResult = await vc.verifyCredential({credential: list, suite: verifySuite(), documentLoader, now});
  if(!listResult.verified || list.issuer.id !== credential.issuer.id ||
    list.credentialSubject.statusPurpose !== entry.statusPurpose) {
    return {verified: false, error: new Error('the status list does not verify')};
  }
  // multibase base64url (no padding) of the GZIP-compressed bitstring; index 0
  // is the leftmost bit of the first byte.
  const encoded = list.credentialSubject.encodedList;
  const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
  const index = Number(entry.statusListIndex);
  const revoked = (bits[Math.floor(index / 8)] >> (7 - (index % 8))) & 1;
  return {verified: revoked === 0, revoked: revoked === 1, size: bits.length * 8};
}

const verifySuite = () => new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()});

async function verify(credential) {
  const result = await vc.verifyCredential({credential, suite: verifySuite(), documentLoader, now, checkStatus});
  return result;
}

function why(result) {
  const errors = [result.error, ...(result.results || []).map(r => r.error)].filter(Boolean);
  return errors.map(e => e.message || String(e)).join('; ');
}

// ---- the library's credentials --------------------------------------------

const files = readdirSync(out).filter(f => f.endsWith('.vc.json') && f !== 'digitalbazaar-signed.vc.json').sort();
expect(files.some(f => f.startsWith('cxx-')) && files.some(f => f.startsWith('capi-')) &&
  files.some(f => f.startsWith('python-')), `credentials from C++, the C ABI and Python (${files})`);
for(const f of files) {
  const credential = readJson(join(out, f));
  const result = await verify(credential);
  const revokedOne = f.includes('revoked');
  if(revokedOne) {
    expect(!result.verified && result.statusResult?.revoked === true, `${f}: refused as revoked`);
    continue;
  }
  expect(result.verified === true, `${f}: verified (${why(result)})`);
  if(f.includes('status-kept')) {
    expect(result.statusResult?.verified === true && result.statusResult.size === 131072,
      `${f}: its entry in a 131,072-entry list is not revoked`);
  }

  // Changed content, a changed issuer, a dropped proof: each refused.
  const tampered = structuredClone(credential);
  tampered.yrkesresanIntyg.hours = 84;
  expect((await verify(tampered)).verified === false, `${f}: refused with hours changed`);
  const otherIssuer = structuredClone(credential);
  otherIssuer.issuer.id = 'did:web:www.example.org';
  expect((await verify(otherIssuer)).verified === false, `${f}: refused with another issuer`);
  const subject = structuredClone(credential);
  subject.credentialSubject.identifier[0].identityHash = 'p-9999';
  expect((await verify(subject)).verified === false, `${f}: refused with another person`);

  // Every term defined: safe-mode JSON-LD expansion keeps the content.
  try {
    const expanded = JSON.stringify(await jsonld.expand(credential, {documentLoader, safe: true}));
    expect(expanded.includes('urn:yrkesresan:terms:completed_on') && expanded.includes('2026-10-07') &&
      expanded.includes('urn:yrkesresan:terms:homework_submitted'), `${f}: the content survives expansion`);
  } catch(e) {
    expect(false, `${f}: safe-mode JSON-LD expansion (${e.message})`);
  }
}

// The default issuer check is real: an https issuer whose key is a did:key
// it does not control is refused, signature valid or not.
{
  const result = await verify(readJson(join(out, 'https-issuer.json')));
  expect(result.verified === false && /issuer/i.test(why(result)),
    `an https issuer not controlling its key is refused (${why(result)})`);
}

// Without the library's context the content has undefined terms: safe mode
// refuses it (what the inline context fixes).
{
  const credential = readJson(join(out, files[0]));
  credential['@context'] = credential['@context'].slice(0, 2);
  let refused = false;
  try {
    await jsonld.expand(credential, {documentLoader, safe: true});
  } catch(e) {
    refused = true;
  }
  expect(refused, 'without the inline context, safe-mode expansion refuses the content');
}

// ---- the W3C eddsa-jcs-2022 vector -----------------------------------------

{
  const signed = readJson(join(vectors, 'vc-di-eddsa', 'eddsa-jcs-2022', 'signedJCS.json'));
  const purpose = new jsigs.purposes.AssertionProofPurpose();
  const ok = await jsigs.verify(signed, {suite: verifySuite(), purpose, documentLoader});
  expect(ok.verified === true, `the W3C vector verifies (${why(ok)})`);
  const changed = structuredClone(signed);
  changed.credentialSubject.alumniOf = 'Another School';
  const bad = await jsigs.verify(changed, {suite: verifySuite(), purpose, documentLoader});
  expect(bad.verified === false, 'the W3C vector changed is refused');
}

// ---- Digital Bazaar's stack signs, the library verifies (interop.py) -------

{
  const seed = new Uint8Array(32).map((_, i) => 0x70 + i);
  const keyPair = await Ed25519Multikey.generate({seed});
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  const credential = readJson(join(out, 'unsigned.json'));
  credential.issuer.id = did;
  const suite = new DataIntegrityProof({signer: keyPair.signer(), date: now, cryptosuite: createSignCryptosuite()});
  const signed = await vc.issue({credential, suite, documentLoader, now});
  expect((await verify(signed)).verified === true, 'Digital Bazaar verifies what it signed');
  writeFileSync(join(out, 'digitalbazaar-signed.vc.json'), JSON.stringify(signed, null, 2));
}

const remote = loaded.filter(u => !contexts.has(u) && !u.startsWith('did:'));
expect(remote.length === 0, `nothing but local documents was asked for (${remote})`);
console.log(`interop: Digital Bazaar's stack (@digitalbazaar/vc 7.3.0, data-integrity 2.5.0, eddsa-jcs-2022 1.0.0): ` +
  `${checks - failures} of ${checks} checks passed over ${files.length} credentials`);
process.exit(failures === 0 ? 0 : 1);

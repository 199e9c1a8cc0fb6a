// A booth client written against proto/ only: starts the gateway with simulated devices on a free loopback port,
// runs one traveller session over SessionService.RunSession and checks the record it gets.
// Run by the README test command after the .NET build (it starts the Release build of the gateway).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hostDll = join(root, 'gateway', 'Gateway.Host', 'bin', 'Release', 'net10.0', 'Gateway.Host.dll');

const definition = protoLoader.loadSync(
  ['gateway/v1/sessions.proto', 'gateway/v1/captures.proto'],
  { includeDirs: [join(root, 'proto')], keepCase: false, longs: String, enums: String, defaults: true, oneofs: true });
const v1 = grpc.loadPackageDefinition(definition).gateway.v1;

/** Starts the gateway on a free port; resolves with its address once it listens. */
function startGateway() {
  const folder = mkdtempSync(join(tmpdir(), 'gateway-node-'));
  const devices = join(folder, 'devices.json');
  writeFileSync(devices, JSON.stringify([
    // A fixed seed: the first simulated traveller holds a valid, unexpired passport.
    { Id: 'reader-1', Driver: 'simulated-document', Settings: { IntervalSeconds: 0, Seed: 5 } },
    { Id: 'camera-1', Driver: 'simulated-camera', Settings: { IntervalSeconds: 0 } },
    { Id: 'fingerprint-1', Driver: 'simulated-fingerprint', Settings: { IntervalSeconds: 0 } },
  ]));
  const gateway = spawn('dotnet', [hostDll, '--devices', devices, '--Kestrel:Endpoints:Grpc:Url', 'http://127.0.0.1:0',
    '--Logging:LogLevel:Default', 'Information'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the gateway did not start:\n${output}`)), 60000);
    gateway.stdout.on('data', (chunk) => {
      output += chunk;
      const listening = /Now listening on: http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve({ gateway, address: `127.0.0.1:${listening[1]}` });
      }
    });
    gateway.on('exit', (code) => reject(new Error(`the gateway exited with ${code}:\n${output}`)));
  });
}

test('a booth client in Node completes a traveller session and gets a verified record', { timeout: 120000 }, async () => {
  assert.ok(existsSync(hostDll), `build the gateway first (dotnet build -c Release): ${hostDll}`);
  const { gateway, address } = await startGateway();
  try {
    const sessions = new v1.SessionService(address, grpc.credentials.createInsecure());
    const call = sessions.RunSession();
    const seen = [];
    const record = await new Promise((resolve, reject) => {
      call.on('data', (event) => {
        seen.push(event.event);
        if (event.event === 'step') {
          const step = event.step.step;
          call.write(step === 'SESSION_STEP_REVIEW' ? { complete: {} } : { capture: { step } });
        } else if (event.event === 'completed') {
          resolve(event.completed);
        } else if (event.event === 'abandoned') {
          reject(new Error(`abandoned: ${event.abandoned.reason}`));
        }
      });
      call.on('error', reject);
      call.write({ start: { boothId: 'node-booth' } });
    });
    call.end();

    assert.equal(seen[0], 'started');
    assert.equal(record.boothId, 'node-booth');
    assert.equal(record.verified, true, `reasons: ${record.reasons.join('; ')}`);
    assert.equal(record.captureIds.length, 3);
    assert.match(record.document.fields.documentNumber, /^[A-Z0-9]+$/);
    assert.ok(record.checks.some((c) => c.name === 'document.mrz.structure' && c.outcome === 'CHECK_OUTCOME_PASSED'));
    assert.ok(record.portrait.image.data.length > 0);

    const fetched = await new Promise((resolve, reject) =>
      sessions.GetRecord({ recordId: record.id }, (error, value) => (error ? reject(error) : resolve(value))));
    assert.equal(fetched.id, record.id);
    sessions.close();
  } finally {
    gateway.kill();
  }
});

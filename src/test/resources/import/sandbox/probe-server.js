// A small MCP server that first tries what a sandbox must deny, for the sandbox tests (SandboxTest.java).
// Usage: node probe-server.js MODE [PATH...]
//   network     try DNS and TCP to the internet and to the host's addresses
//   write PATH  try to write a file in each PATH (and in its home and /tmp), and to read each PATH
//   env         report the environment it was given
//   memory      allocate 64 MiB blocks until refused (at most 8 GiB)
//   fork-bomb   start processes until refused (at most 5000, so that a broken sandbox cannot take the
//               machine down), then never answer
// Every probe writes "probe: WHAT: RESULT" lines to stderr, then "probe: done"; the tests wait for that line.
// Except in fork-bomb mode it then answers initialize and tools/list with one tool.
'use strict';
const fs = require('fs');
const net = require('net');
const dns = require('dns');
const path = require('path');
const mode = process.argv[2];
const args = process.argv.slice(3);
const say = (what, result) => process.stderr.write('probe: ' + what + ': ' + result + '\n');
const failed = (e) => 'failed (' + (e.code || e.message) + ')';

function connect(host, port) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.on('connect', () => { s.destroy(); resolve('CONNECTED'); });
    s.on('error', (e) => resolve(failed(e)));
  });
}

async function probe() {
  if (mode === 'network') {
    say('dns example.com', await dns.promises.lookup('example.com').then((a) => 'RESOLVED ' + a.address, failed));
    say('connect 1.1.1.1:443', await connect('1.1.1.1', 443));
    say('connect [2606:4700:4700::1111]:443', await connect('2606:4700:4700::1111', 443));
    const own = Object.values(require('os').networkInterfaces()).flat().map((i) => i.address);
    say('interfaces', own.join(' '));
  } else if (mode === 'write') {
    const targets = [...args, process.env.HOME || '/nonexistent-home', '/tmp'];
    for (const dir of targets) {
      const file = path.join(dir, 'sandbox-probe-was-here');
      try { fs.writeFileSync(file, 'escaped\n'); say('write ' + file, 'WRITTEN'); } catch (e) { say('write ' + file, failed(e)); }
    }
    for (const dir of args) {
      try { say('list ' + dir, 'LISTED ' + fs.readdirSync(dir).length + ' entries'); } catch (e) { say('list ' + dir, failed(e)); }
    }
  } else if (mode === 'env') {
    say('uid', process.getuid());
    say('env', Object.keys(process.env).sort().map((k) => k + '=' + process.env[k]).join(' '));
  } else if (mode === 'memory') {
    const blocks = [];
    try {
      while (blocks.length < 128) blocks.push(Buffer.alloc(64 << 20, 1));
      say('memory', 'NOT LIMITED: allocated ' + blocks.length * 64 + ' MiB');
    } catch (e) {
      say('memory', 'refused after ' + blocks.length * 64 + ' MiB (' + e.message + ')');
    }
    blocks.length = 0;
  } else if (mode === 'fork-bomb') {
    const { spawn } = require('child_process');
    let started = 0;
    await new Promise((resolve) => {
      const next = () => {
        if (started >= 5000) { say('fork bomb', 'NOT CONTAINED: 5000 processes started'); resolve(); return; }
        const c = spawn('/bin/sleep', ['100000'], { stdio: 'ignore' });
        c.on('spawn', () => { started++; next(); });
        c.on('error', (e) => { say('fork bomb', 'refused after ' + started + ' processes (' + (e.code || e.message) + ')'); resolve(); });
      };
      next();
    });
  }
  say('done', mode);
}

probe().then(() => {
  if (mode === 'fork-bomb') return; // holds its processes and never answers
  const send = (m) => process.stdout.write(JSON.stringify(m) + '\n');
  require('readline').createInterface({ input: process.stdin }).on('line', (line) => {
    const msg = JSON.parse(line);
    if (msg.method === 'initialize') {
      send({ jsonrpc: '2.0', id: msg.id, result: { protocolVersion: msg.params.protocolVersion, capabilities: { tools: {} },
        serverInfo: { name: 'probe-server', version: '1.0.0' } } });
    } else if (msg.method === 'tools/list') {
      send({ jsonrpc: '2.0', id: msg.id, result: { tools: [{ name: 'probe', description: 'Probes its sandbox', inputSchema: { type: 'object' } }] } });
    }
  });
});

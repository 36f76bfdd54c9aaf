#!/usr/bin/env node
// A fake npm MCP server for the bulk import tests. What it does is set by the "fakeMode" field of its own
// package.json (the test writes it), so one file serves every fixture package:
//   ok           answers initialize and tools/list with the package.json's "fakeTools" (names)
//   credentials  exits at once asking for FAKE_API_KEY, unless that variable is set (then as ok)
//   crash        throws before answering anything
//   hang         reads initialize, says so on stderr, and never answers
//   not-mcp      prints a usage line on stdout and exits 0, as a command-line tool does
'use strict';
const pkg = require('./package.json');
const mode = pkg.fakeMode || 'ok';
const send = (m) => process.stdout.write(JSON.stringify(m) + '\n');
if (mode === 'credentials' && !process.env.FAKE_API_KEY) {
  process.stderr.write('Error: FAKE_API_KEY environment variable is required\n');
  process.exit(1);
}
if (mode === 'crash') {
  throw new Error('boom: cannot load the fake configuration');
}
if (mode === 'not-mcp') {
  process.stdout.write('usage: ' + pkg.name + ' [options] FILE\n');
  process.exit(0);
}
const readline = require('readline');
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const msg = JSON.parse(line);
  if (mode === 'hang') {
    process.stderr.write('thinking about ' + msg.method + ' forever\n');
    return;
  }
  if (msg.method === 'initialize') {
    send({ jsonrpc: '2.0', id: msg.id, result: { protocolVersion: msg.params.protocolVersion, capabilities: { tools: {} },
      serverInfo: { name: pkg.name, version: pkg.version } } });
  } else if (msg.method === 'tools/list') {
    const tools = (pkg.fakeTools || []).map((t) => ({ name: t, description: 'Does ' + t + ' for the tests.',
      inputSchema: { type: 'object', properties: { path: { type: 'string' } } } }));
    send({ jsonrpc: '2.0', id: msg.id, result: { tools } });
  }
});

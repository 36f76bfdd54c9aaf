// A small, deliberately imperfect MCP server for the importer's error-path tests.
// Usage: node fake-server.js MODE
//   (MODE: pages, banner, hang, exit, exit-on-initialize, garbage, stubborn, chatty-stderr)
// "banner" is "pages" with lines that are not JSON-RPC on stdout before and between the answers, as real
// servers print ("Commands MCP Server running on stdio", JSON log lines).
// Modes that never answer write "thinking about initialize forever" to stderr once they have the request:
// tests wait for that line before they let a timeout happen, so what they see never depends on the
// machine's speed.
'use strict';
const mode = process.argv[2] || 'pages';
const readline = require('readline');
const send = (m) => process.stdout.write(JSON.stringify(m) + '\n');
const tool = (name) => ({ name, description: 'Tool ' + name, inputSchema: { type: 'object' } });
let pending = null;
const banner = (text) => { if (mode === 'banner') process.stdout.write(text + '\n'); };
banner('Fake MCP Server running on stdio');
banner('');

process.stderr.write('fake server starting in mode ' + mode + '\n');
if (mode === 'exit') {
  process.stderr.write('fatal: missing API key FAKE_TOKEN\n');
  process.exit(3);
}
if (mode === 'stubborn') {
  // Lives on when its input closes, and ignores a polite termination: only a forced kill ends it.
  process.on('SIGTERM', () => process.stderr.write('ignoring SIGTERM\n'));
  setInterval(() => {}, 1 << 30);
}
if (mode === 'chatty-stderr') {
  for (let i = 0; i < 2000; i++) process.stderr.write('noise line ' + i + ' ' + 'x'.repeat(60) + '\n');
  process.stderr.write('the last words\n');
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const msg = JSON.parse(line);
  if (msg.method === 'initialize') {
    if (mode === 'exit-on-initialize') {
      process.stderr.write('fatal: missing API key FAKE_TOKEN\n');
      process.exit(3);
    }
    if (mode === 'garbage') {
      process.stdout.write('Welcome to the \u001b[1mfake\u001b[0m server!\n');
      process.stdout.write('{"level":30,"msg":"a JSON log line is not JSON-RPC either"}\n');
      process.stdout.write('[1, 2, 3]\n');
    }
    if (mode === 'hang' || mode === 'garbage' || mode === 'stubborn' || mode === 'chatty-stderr') {
      process.stderr.write('thinking about ' + msg.method + ' forever\n');
      return;
    }
    send({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'hello' } });
    banner('{"level":30,"msg":"initializing"}');
    send({ jsonrpc: '2.0', id: msg.id, result: { protocolVersion: msg.params.protocolVersion, capabilities: { tools: {} },
      serverInfo: { name: 'fake-server', title: 'Fake Server', version: '1.2.3' } } });
  } else if (msg.method === 'tools/list') {
    const cursor = msg.params && msg.params.cursor;
    if (!cursor) {
      // Ask the client something first: it must answer before we go on.
      pending = msg;
      send({ jsonrpc: '2.0', id: 'srv-1', method: 'roots/list' });
    } else if (cursor === 'page-2') {
      send({ jsonrpc: '2.0', id: 99, result: { tools: [] } }); // an answer to nothing: ignored
      send({ jsonrpc: '2.0', id: msg.id, result: { tools: [tool('gamma')] } });
    }
  } else if (msg.id === 'srv-1') {
    if (!msg.result || !Array.isArray(msg.result.roots)) process.exit(4);
    send({ jsonrpc: '2.0', id: 'srv-2', method: 'ping' });
  } else if (msg.id === 'srv-2') {
    send({ jsonrpc: '2.0', id: 'srv-3', method: 'sampling/createMessage', params: {} });
  } else if (msg.id === 'srv-3') {
    if (!msg.error || msg.error.code !== -32601) process.exit(5);
    banner('listing tools: \u001b[32mok\u001b[0m');
    send({ jsonrpc: '2.0', id: pending.id, result: { tools: [tool('alpha'), tool('beta')], nextCursor: 'page-2' } });
  }
});

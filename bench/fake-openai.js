// A fake OpenAI for the benchmark: answers every chat completion with a fixed body after a
// configurable latency (ms), without holding a thread per request. The latency can be changed
// while it runs (PUT /latency/MS), so the service under test keeps its pooled connections and its
// circuit breaker never sees the fake go away. Usage: node fake-openai.js PORT LATENCY_MS
const http = require('http');
const port = Number(process.argv[2] || 18500);
let latency = Number(process.argv[3] || 0);
const completion = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', created: 1741569952, model: 'gpt-4o-mini-2024-07-18',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Guten Tag!', refusal: null }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 }
});
const models = JSON.stringify({ object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' }] });
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.method === 'PUT' && req.url.startsWith('/latency/')) {
      latency = Number(req.url.substring('/latency/'.length)) || 0;
      return res.writeHead(204).end();
    }
    const body = req.url.endsWith('/models') ? models : completion;
    const answer = () => res.writeHead(200, { 'Content-Type': 'application/json', 'x-request-id': 'req_bench' }).end(body);
    if (latency > 0) setTimeout(answer, latency); else answer();
  });
});
server.keepAliveTimeout = 65000;
server.maxConnections = 20000;
server.listen(port, '127.0.0.1');

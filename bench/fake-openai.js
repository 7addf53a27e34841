// A fake OpenAI for the benchmark: answers every chat completion (streamed where asked) and every
// Responses API call with a fixed body after a
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
// a streamed chat completion as OpenAI writes it (chunks, then the usage chunk where asked, then [DONE])
const chunk = (delta, finish) => 'data: ' + JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1741569952,
  model: 'gpt-4o-mini-2024-07-18', choices: [{ index: 0, delta, finish_reason: finish }] }) + '\n\n';
const stream = chunk({ role: 'assistant', content: '' }, null) + chunk({ content: 'Guten' }, null) + chunk({ content: ' Tag!' }, null)
  + chunk({}, 'stop');
const usageChunk = 'data: ' + JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1741569952,
  model: 'gpt-4o-mini-2024-07-18', choices: [], usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 } }) + '\n\n';
const response = JSON.stringify({ id: 'resp_bench', object: 'response', created_at: 1741569952, status: 'completed',
  model: 'gpt-4o-mini-2024-07-18', output: [{ id: 'msg_bench', type: 'message', status: 'completed', role: 'assistant',
    content: [{ type: 'output_text', text: 'Guten Tag!', annotations: [] }] }],
  usage: { input_tokens: 12, output_tokens: 4, total_tokens: 16 } });
let responses = 0;
// BENCH_MODE=soak: a share of chat completions and Responses API calls fail as OpenAI's 500 does
// (PUT /errors/PERMILLE; GET /stats counts what was answered and what failed on purpose)
let errorsPerMille = 0;
let answered = 0;
let injected = 0;
const serverError = JSON.stringify({ error: { message: 'The server had an error while processing your request.',
  type: 'server_error', param: null, code: null } });
const models = JSON.stringify({ object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' }] });
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    if (req.method === 'PUT' && req.url.startsWith('/latency/')) {
      latency = Number(req.url.substring('/latency/'.length)) || 0;
      return res.writeHead(204).end();
    }
    if (req.method === 'PUT' && req.url.startsWith('/errors/')) {
      errorsPerMille = Number(req.url.substring('/errors/'.length)) || 0;
      return res.writeHead(204).end();
    }
    if (req.method === 'GET' && req.url === '/stats') {
      return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ answered, injected }));
    }
    let answer;
    answered++;
    if (errorsPerMille > 0 && req.method === 'POST' && Math.random() * 1000 < errorsPerMille) {
      injected++;
      answer = () => res.writeHead(500, { 'Content-Type': 'application/json', 'x-request-id': 'req_bench_error' }).end(serverError);
    } else if (body.includes('"stream":true')) {
      const events = stream + (body.includes('"include_usage":true') ? usageChunk : '') + 'data: [DONE]\n\n';
      answer = () => res.writeHead(200, { 'Content-Type': 'text/event-stream', 'x-request-id': 'req_bench' }).end(events);
    } else {
      // each response its own id, as OpenAI's: the service keeps the ids per workspace
      const text = req.url.endsWith('/models') ? models : req.url.endsWith('/responses')
        ? response.replace('resp_bench', 'resp_bench' + (++responses)) : completion;
      answer = () => res.writeHead(200, { 'Content-Type': 'application/json', 'x-request-id': 'req_bench' }).end(text);
    }
    if (latency > 0) setTimeout(answer, latency); else answer();
  });
});
server.keepAliveTimeout = 65000;
server.maxConnections = 20000;
server.listen(port, '127.0.0.1');

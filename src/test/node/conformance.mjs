// The Node `openai` SDK against a workspace's OpenAI-compatible endpoint, as an internal tool
// would use it (defaults: 2 retries). Run by OpenAiConformanceIT with BASE_URL and TOKEN; prints
// one JSON object with what each call saw, which the IT asserts on. Each prompt carries
// "node scenario:<name>", which the fake OpenAI answers accordingly and counts.
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: process.env.BASE_URL, apiKey: process.env.TOKEN });
const results = {};
const prompt = (scenario) => [{ role: 'user', content: `node scenario:${scenario}` }];
const model = 'gpt-4o-mini';

async function run(name, call) {
  const started = Date.now();
  try {
    results[name] = { ok: true, ...(await call()), ms: Date.now() - started };
  } catch (e) {
    results[name] = {
      ok: false, ms: Date.now() - started, error: e.constructor.name, status: e.status ?? null,
      code: e.code ?? null, type: e.type ?? null, param: e.param ?? null, message: String(e.message),
      requestId: e.request_id ?? e.requestID ?? null,
    };
  }
}

await run('chatPlain', async () => {
  const { data, request_id } = await client.chat.completions.create({ model, messages: prompt('plain') }).withResponse();
  return { content: data.choices[0].message.content, requestId: request_id, usage: data.usage?.total_tokens ?? null };
});

await run('chatStreamNoUsage', async () => {
  const stream = await client.chat.completions.create({ model, messages: prompt('stream'), stream: true });
  let content = '', chunks = 0, usageChunks = 0;
  for await (const chunk of stream) {
    chunks++;
    if (chunk.usage) usageChunks++;
    content += chunk.choices[0].delta.content ?? ''; // throws on a chunk without choices, as tools do
  }
  return { content, chunks, usageChunks };
});

await run('chatStreamUsage', async () => {
  const stream = await client.chat.completions.create({ model, messages: prompt('stream'), stream: true, stream_options: { include_usage: true } });
  let usage = null;
  for await (const chunk of stream) if (chunk.usage) usage = chunk.usage.total_tokens;
  return { usage };
});

for (const cut of ['cut-error', 'cut-reset', 'cut-eof']) {
  await run(`chatStream_${cut}`, async () => {
    const stream = await client.chat.completions.create({ model, messages: prompt(cut), stream: true });
    let content = '';
    for await (const chunk of stream) content += chunk.choices[0]?.delta?.content ?? '';
    return { content };
  });
}

await run('responsesPlain', async () => {
  const { data, request_id } = await client.responses.create({ model, input: 'node scenario:responses' }).withResponse();
  const again = await client.responses.retrieve(data.id);
  return { text: data.output_text, id: data.id, requestId: request_id, retrieved: again.id, usage: data.usage.total_tokens };
});

await run('responsesStream', async () => {
  const stream = await client.responses.create({ model, input: 'node scenario:responses', stream: true });
  const types = [];
  let usage = null;
  for await (const event of stream) {
    types.push(event.type);
    if (event.type === 'response.completed') usage = event.response.usage.total_tokens;
  }
  return { types, usage };
});

await run('embeddings', async () => {
  const e = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['node scenario:embed', 'b'] });
  return { vectors: e.data.length, usage: e.usage.prompt_tokens };
});

await run('moderations', async () => {
  const m = await client.moderations.create({ input: 'node scenario:moderate' });
  return { flagged: m.results[0].flagged };
});

await run('modelRetrieve', async () => ({ id: (await client.models.retrieve(model)).id }));

for (const failure of ['quota', 'ratelimit', 'server', 'badkey']) {
  await run(`error_${failure}`, async () => {
    await client.chat.completions.create({ model, messages: prompt(failure) });
    return {};
  });
}

await run('unsupported', async () => {
  await client.images.generate({ model: 'dall-e-3', prompt: 'node scenario:image' });
  return {};
});

console.log(JSON.stringify(results));

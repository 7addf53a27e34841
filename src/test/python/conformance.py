# The Python `openai` SDK against a workspace's OpenAI-compatible endpoint, as an internal tool
# would use it (defaults: 2 retries). Run by OpenAiConformanceIT with BASE_URL and TOKEN; prints
# one JSON object with what each call saw, which the IT asserts on. Each prompt carries
# "python scenario:<name>", which the fake OpenAI answers accordingly and counts.
import json
import os
import time

import openai

client = openai.OpenAI(base_url=os.environ["BASE_URL"], api_key=os.environ["TOKEN"])
results = {}
model = "gpt-4o-mini"


def prompt(scenario):
    return [{"role": "user", "content": f"python scenario:{scenario}"}]


def run(name, call):
    started = time.monotonic()
    try:
        results[name] = {"ok": True, **call(), "ms": int(1000 * (time.monotonic() - started))}
    except openai.APIStatusError as e:
        results[name] = {"ok": False, "ms": int(1000 * (time.monotonic() - started)), "error": type(e).__name__,
                         "status": e.status_code, "code": e.code, "type": e.type, "param": e.param,
                         "message": str(e.message), "requestId": e.request_id}
    except Exception as e:  # a cut stream, a connection error: what a tool's except clause sees
        results[name] = {"ok": False, "ms": int(1000 * (time.monotonic() - started)), "error": type(e).__name__,
                         "message": str(e)}


def chat_plain():
    raw = client.chat.completions.with_raw_response.create(model=model, messages=prompt("plain"))
    data = raw.parse()
    return {"content": data.choices[0].message.content, "requestId": raw.headers.get("x-request-id"),
            "sdkRequestId": data._request_id, "usage": data.usage.total_tokens}


def chat_stream_no_usage():
    content, chunks, usage_chunks = "", 0, 0
    for chunk in client.chat.completions.create(model=model, messages=prompt("stream"), stream=True):
        chunks += 1
        if chunk.usage:
            usage_chunks += 1
        content += chunk.choices[0].delta.content or ""  # raises on a chunk without choices, as tools do
    return {"content": content, "chunks": chunks, "usageChunks": usage_chunks}


def chat_stream_usage():
    usage = None
    for chunk in client.chat.completions.create(model=model, messages=prompt("stream"), stream=True,
                                                stream_options={"include_usage": True}):
        if chunk.usage:
            usage = chunk.usage.total_tokens
    return {"usage": usage}


def chat_stream_cut(cut):
    def call():
        content = ""
        for chunk in client.chat.completions.create(model=model, messages=prompt(cut), stream=True):
            if chunk.choices:
                content += chunk.choices[0].delta.content or ""
        return {"content": content}
    return call


def responses_plain():
    data = client.responses.create(model=model, input="python scenario:responses")
    again = client.responses.retrieve(data.id)
    return {"text": data.output_text, "id": data.id, "requestId": data._request_id, "retrieved": again.id,
            "usage": data.usage.total_tokens}


def responses_stream():
    types, usage = [], None
    for event in client.responses.create(model=model, input="python scenario:responses", stream=True):
        types.append(event.type)
        if event.type == "response.completed":
            usage = event.response.usage.total_tokens
    return {"types": types, "usage": usage}


def embeddings():
    e = client.embeddings.create(model="text-embedding-3-small", input=["python scenario:embed", "b"])
    return {"vectors": len(e.data), "usage": e.usage.prompt_tokens}


def moderations():
    return {"flagged": client.moderations.create(input="python scenario:moderate").results[0].flagged}


def failing(scenario):
    def call():
        client.chat.completions.create(model=model, messages=prompt(scenario))
        return {}
    return call


def unsupported():
    client.images.generate(model="dall-e-3", prompt="python scenario:image")
    return {}


run("chatPlain", chat_plain)
run("chatStreamNoUsage", chat_stream_no_usage)
run("chatStreamUsage", chat_stream_usage)
for cut in ("cut-error", "cut-reset", "cut-eof"):
    run(f"chatStream_{cut}", chat_stream_cut(cut))
run("responsesPlain", responses_plain)
run("responsesStream", responses_stream)
run("embeddings", embeddings)
run("moderations", moderations)
run("modelRetrieve", lambda: {"id": client.models.retrieve(model).id})
for failure in ("quota", "ratelimit", "server", "badkey"):
    run(f"error_{failure}", failing(failure))
run("unsupported", unsupported)

print(json.dumps(results))

// Differential oracle driver: ONE long-running Node process for many executions.
//
// Protocol: newline-delimited JSON on stdin, one JSON line per request on stdout (answers may come
// out of order when requests overlap; correlate by "id"). Nothing else is written to stdout.
//
// Run request:
//   {"id": ..., "definition": {ASL}, "input": <json>,
//    "taskResults": {"<Task state name or Resource ARN>": [<result> | {"error": "E", "cause": "C"}, ...]},
//    "context": {...optional Context Object...}}
// Answers:
//   {"id": ..., "status": "SUCCEEDED", "output": <json>}
//   {"id": ..., "status": "FAILED", "error": "E", "cause": "C"}
//   {"id": ..., "status": "TIMED_OUT", "error": "States.Timeout", "cause": "..."}   (top-level TimeoutSeconds)
//   {"id": ..., "status": "INVALID_DEFINITION", "message": "..."}                     (rejected by StateMachine)
//   {"id": ..., "status": "ERROR", "message": "..."}                                  (harness problem, e.g. script exhausted)
// Bench request (throughput of the tool itself, measured inside this process, no IPC per run):
//   {"id": ..., "bench": {"definition": {ASL}, "input": <json>, "taskResults": {"<state or Resource>": <result>},
//                         "warmup": N, "iterations": M}}
//   -> {"id": ..., "status": "BENCH", "iterations": M, "elapsedMs": <float>, "output": <last output>}
//   Each Task answers its one constant result every time; executions run one after another.
// Validate request:
//   {"id": ..., "validate": {ASL}}  ->  {"id": ..., "valid": true|false, "errors": [{"code": "...", "message": "..."}]}
//
// Task states never call AWS: each is overridden (overrides.taskResourceLocalHandlers, keyed by state
// name) with a stub that takes the next scripted entry for its state name, else for its Resource.
// An entry that is an object with a string "error" (and only "error"/"cause" keys) is thrown as an
// error whose name is the error and whose message is the cause; {"afterMs": N, "then": <entry>} is
// that entry after N ms (a slow task, for TimeoutSeconds); anything else is the task result.
// Wait states (overrides.waitTimeOverrides) and Retry pauses (overrides.retryIntervalOverrides) are 0 ms.
//
// Note: "validate" uses asl-validator 4.0.0 (top-level dependency), while the StateMachine constructor
// validates with the asl-validator 3.16.0 nested under aws-local-stepfunctions (it depends on ^3.15.1).
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { StateMachine, ExecutionError, ExecutionTimeoutError } from 'aws-local-stepfunctions';

const require = createRequire(import.meta.url);
const aslValidator = require('asl-validator');

// Both asl-validator versions build a new Ajv on every call and compile their whole schema set
// into it: ~200 ms a validation, most of the oracle's time. They look the constructor up as
// require('ajv').default at each call, so it is replaced here by one that keeps, per schema set
// (each version passes its own module objects), the first Ajv built and set up; later calls get a
// view of it on which adding formats and keywords again does nothing (addKeyword would throw), so
// they validate with the compiled schemas. Every call here uses the validators' default options
// (checkArn and checkPaths true), the only setting the formats depend on.
const ajvModule = require('ajv');
const RealAjv = ajvModule.default;
const ajvBySchemaSet = new Map();
ajvModule.default = function SharedAjv(options) {
  const schemas = options && options.schemas;
  if (!Array.isArray(schemas) || schemas.length === 0) return new RealAjv(options);
  const known = ajvBySchemaSet.get(schemas[0]);
  if (known !== undefined) return known;
  const ajv = new RealAjv(options);
  const view = new Proxy(ajv, {
    get(target, property) {
      if (property === 'addFormat' || property === 'addKeyword') return () => view;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  ajvBySchemaSet.set(schemas[0], view);
  return ajv;
};

class ScriptExhausted extends Error {}

// stdout carries the protocol only: anything a library logs goes to stderr.
console.log = console.error;
console.info = console.error;
console.debug = console.error;
console.warn = console.error;

function write(answer) {
  process.stdout.write(JSON.stringify(answer) + '\n');
}

function clone(value) {
  return value === undefined ? undefined : structuredClone(value);
}

/** Visits every state, including those inside Parallel branches and Map iterators. */
function forEachState(definition, visit) {
  const states = definition && definition.States;
  if (!states || typeof states !== 'object') return;
  for (const [name, state] of Object.entries(states)) {
    if (!state || typeof state !== 'object') continue;
    visit(name, state);
    if (Array.isArray(state.Branches)) state.Branches.forEach((b) => forEachState(b, visit));
    if (state.Iterator) forEachState(state.Iterator, visit);
    if (state.ItemProcessor) forEachState(state.ItemProcessor, visit);
  }
}

function isScriptedError(entry) {
  return (
    entry !== null &&
    typeof entry === 'object' &&
    !Array.isArray(entry) &&
    typeof entry.error === 'string' &&
    Object.keys(entry).every((k) => k === 'error' || k === 'cause')
  );
}

/** {"afterMs": N, "then": <entry>}: a slow task, answering its entry after N ms of real time. */
function isDelayed(entry) {
  return (
    entry !== null &&
    typeof entry === 'object' &&
    !Array.isArray(entry) &&
    typeof entry.afterMs === 'number' &&
    'then' in entry &&
    Object.keys(entry).length === 2
  );
}

function scriptedError(entry) {
  const error = new Error(entry.cause === undefined ? '' : String(entry.cause));
  error.name = entry.error;
  return error;
}

// The StateMachine constructor validates with asl-validator, which costs ~200 ms a call; runs of
// one machine are independent (README: StateMachine.run), so machines are kept per definition text.
const MAX_MACHINES = 256;
const machines = new Map();

function machineFor(definition) {
  const key = JSON.stringify(definition);
  let machine = machines.get(key);
  if (machine === undefined) {
    try {
      // The validator inside the constructor adds fields to the definition it is given: pass a copy.
      machine = new StateMachine(clone(definition));
    } catch (e) {
      machine = e instanceof Error ? e : new Error(String(e));
    }
    if (machines.size >= MAX_MACHINES) machines.delete(machines.keys().next().value);
    machines.set(key, machine);
  }
  return machine;
}

async function run(request) {
  const scripts = new Map();
  for (const [key, entries] of Object.entries(request.taskResults ?? {})) {
    if (!Array.isArray(entries)) throw new Error(`taskResults["${key}"] must be an array`);
    scripts.set(key, entries.slice());
  }
  const exhausted = [];
  const taskResourceLocalHandlers = {};
  const waitTimeOverrides = {};
  const retryIntervalOverrides = {};
  forEachState(request.definition, (name, state) => {
    if (state.Type === 'Task') {
      taskResourceLocalHandlers[name] = async () => {
        const queue = scripts.get(name) ?? scripts.get(state.Resource);
        if (!queue || queue.length === 0) {
          const problem = `no scripted result left for Task state "${name}" (Resource ${state.Resource})`;
          exhausted.push(problem);
          throw new ScriptExhausted(problem);
        }
        let entry = queue.shift();
        while (isDelayed(entry)) {
          await new Promise((resolve) => setTimeout(resolve, entry.afterMs));
          entry = entry.then;
        }
        if (isScriptedError(entry)) throw scriptedError(entry);
        return clone(entry);
      };
    }
    if (state.Type === 'Wait') waitTimeOverrides[name] = 0;
    if (Array.isArray(state.Retry)) retryIntervalOverrides[name] = 0;
  });

  const machine = machineFor(request.definition);
  if (machine instanceof Error) return { status: 'INVALID_DEFINITION', message: String(machine.message) };
  const options = { overrides: { taskResourceLocalHandlers, waitTimeOverrides, retryIntervalOverrides } };
  if (request.context !== undefined) options.context = clone(request.context);
  try {
    const output = await machine.run(clone(request.input ?? {}), options).result;
    if (exhausted.length > 0) return { status: 'ERROR', message: exhausted.join('; ') };
    return { status: 'SUCCEEDED', output: output === undefined ? null : output };
  } catch (e) {
    if (exhausted.length > 0) return { status: 'ERROR', message: exhausted.join('; ') };
    if (e instanceof ExecutionTimeoutError) {
      return { status: 'TIMED_OUT', error: 'States.Timeout', cause: e.message };
    }
    if (e instanceof ExecutionError && e.cause instanceof Error) {
      return { status: 'FAILED', error: e.cause.name, cause: e.cause.message };
    }
    return { status: 'ERROR', message: `unexpected ${e && e.name}: ${e && e.message}` };
  }
}

async function bench(request) {
  const machine = machineFor(request.definition);
  if (machine instanceof Error) return { status: 'INVALID_DEFINITION', message: String(machine.message) };
  const results = request.taskResults ?? {};
  const taskResourceLocalHandlers = {};
  const waitTimeOverrides = {};
  const retryIntervalOverrides = {};
  forEachState(request.definition, (name, state) => {
    if (state.Type === 'Task') {
      const result = results[name] !== undefined ? results[name] : results[state.Resource];
      taskResourceLocalHandlers[name] = async () => clone(result);
    }
    if (state.Type === 'Wait') waitTimeOverrides[name] = 0;
    if (Array.isArray(state.Retry)) retryIntervalOverrides[name] = 0;
  });
  const options = { overrides: { taskResourceLocalHandlers, waitTimeOverrides, retryIntervalOverrides } };
  let output;
  for (let i = 0; i < (request.warmup ?? 0); i++) output = await machine.run(clone(request.input ?? {}), options).result;
  const start = process.hrtime.bigint();
  for (let i = 0; i < request.iterations; i++) output = await machine.run(clone(request.input ?? {}), options).result;
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { status: 'BENCH', iterations: request.iterations, elapsedMs, output: output === undefined ? null : output };
}

function validate(definition) {
  const { isValid, errors } = aslValidator(clone(definition));
  return {
    valid: isValid,
    errors: (errors ?? []).map((e) => ({ code: String(e['Error code'] ?? ''), message: String(e.Message ?? '') })),
  };
}

async function handle(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    write({ id: null, status: 'ERROR', message: `request is not JSON: ${e.message}` });
    return;
  }
  const id = request && request.id !== undefined ? request.id : null;
  try {
    if (request.bench !== undefined) {
      write({ id, ...(await bench(request.bench)) });
    } else if (request.validate !== undefined) {
      write({ id, ...validate(request.validate) });
    } else if (request.definition !== undefined) {
      write({ id, ...(await run(request)) });
    } else {
      write({ id, status: 'ERROR', message: 'request has neither "definition" nor "validate"' });
    }
  } catch (e) {
    write({ id, status: 'ERROR', message: `${e && e.name}: ${e && e.message}` });
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (line.trim() !== '') handle(line);
});
// stdin closed: finish in-flight executions, then exit (Node exits when the loop is empty).
lines.on('close', () => {});

// Times face-api 1.7.15's networks on tfjs's WebAssembly backend with one thread, doing the work `tandem bench
// observer` times: RGB crops in, face-api's own preprocessing (toNetInput: pad to a centred square, bilinear resize,
// mean-normalise), the forward pass, and the outputs read back into JS arrays.
//
//   node time_faceapi.js [--models DIR] [--networks expression,recognition] [--batches 1,16]
//                        [--repeats 20] [--warmup 3] [--crop 121x136]        prints one JSON document
//   node time_faceapi.js --serve [--models DIR] [--crop WxH]                 answers on stdin (Tandem drives it)
//
// In --serve mode it prints one JSON line with its versions, then answers each line `time NETWORK BATCH RUNS` with one
// JSON line {"network", "batch", "ms": [wall ms of each run]}, so Tandem can interleave its runs with face-api's.
const path = require('path');
const readline = require('readline');
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const NETS = {
  expression: { net: () => faceapi.nets.faceExpressionNet, run: (n, t) => n.predictExpressions(t) },
  recognition: { net: () => faceapi.nets.faceRecognitionNet, run: (n, t) => n.computeFaceDescriptor(t) },
  agegender: { net: () => faceapi.nets.ageGenderNet, run: (n, t) => n.predictAgeAndGender(t) },
  landmarks: { net: () => faceapi.nets.faceLandmark68Net, run: (n, t) => n.detectLandmarks(t) },
};

function options(argv) {
  const o = {
    models: path.join(__dirname, 'node_modules/@vladmandic/face-api/model'),
    networks: ['expression', 'recognition'], batches: [1, 16], repeats: 20, warmup: 3, crop: [121, 136], serve: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value`); return argv[++i]; };
    if (a === '--models') o.models = next();
    else if (a === '--networks') o.networks = next().split(',');
    else if (a === '--batches') o.batches = next().split(',').map(Number);
    else if (a === '--repeats') o.repeats = Number(next());
    else if (a === '--warmup') o.warmup = Number(next());
    else if (a === '--crop') o.crop = next().split('x').map(Number);
    else if (a === '--serve') o.serve = true;
    else throw new Error(`unknown option ${a}`);
  }
  for (const n of o.networks) if (!NETS[n]) throw new Error(`no network ${n}; use ${Object.keys(NETS).join(', ')}`);
  return o;
}

// distinct crops of the size Tandem's synthetic faces have; the pixel values do not change the work done
function crops(count, [width, height]) {
  let seed = 12345;
  const out = [];
  for (let k = 0; k < count; k++) {
    const rgb = new Uint8Array(width * height * 3);
    for (let i = 0; i < rgb.length; i++) { seed = (seed * 1103515245 + 12345) >>> 0; rgb[i] = seed >>> 24; }
    out.push(rgb);
  }
  return out;
}

// one timed run: tensors from the bytes, face-api's preprocessing and forward pass, outputs as JS arrays
async function once(name, batch, pool, [width, height]) {
  const start = process.hrtime.bigint();
  const tensors = pool.slice(0, batch).map(rgb => tf.tensor3d(rgb, [height, width, 3], 'int32'));
  const result = await NETS[name].run(NETS[name].net(), tensors);
  tensors.forEach(t => t.dispose());
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (!Array.isArray(result) || result.length !== batch) throw new Error(`${name} gave no ${batch} results`);
  return elapsed;
}

async function times(name, batch, runs, pool, crop) {
  const ms = [];
  for (let i = 0; i < runs; i++) ms.push(await once(name, batch, pool, crop));
  return ms;
}

function summary(ms, batch) {
  const sorted = [...ms].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)];
  return {
    median_ms_per_face: median / batch, p90_ms_per_face: p90 / batch, fastest_ms_per_face: sorted[0] / batch,
    runs: ms.length,
  };
}

async function start(o) {
  wasm.setThreadsCount(1);                                 // one thread, as Tandem's figures are measured
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);     // the single-threaded (SIMD) binary, no worker pool
  await tf.setBackend('wasm');
  await tf.ready();
  for (const n of Object.keys(NETS)) await NETS[n].net().loadFromDisk(o.models);
  return {
    node: process.version, tfjs: tf.version_core, faceApi: faceapi.version, backend: tf.getBackend(),
    threads: wasm.getThreadsCount(), simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    crop: { width: o.crop[0], height: o.crop[1] },
  };
}

async function serve(o, about) {
  const pool = crops(256, o.crop);
  console.log(JSON.stringify(about));
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [verb, name, batch, runs] = line.trim().split(/\s+/);
    if (verb !== 'time' || !NETS[name]) throw new Error(`cannot answer '${line}'`);
    const ms = await times(name, Number(batch), Number(runs), pool, o.crop);
    console.log(JSON.stringify({ network: name, batch: Number(batch), ms }));
  }
}

async function main() {
  const o = options(process.argv.slice(2));
  const about = await start(o);
  if (o.serve) return serve(o, about);
  const pool = crops(Math.max(...o.batches), o.crop);
  const networks = {};
  for (const name of o.networks) {
    networks[name] = {};
    for (const batch of o.batches) {
      await times(name, batch, o.warmup, pool, o.crop);
      networks[name][batch] = summary(await times(name, batch, o.repeats, pool, o.crop), batch);
    }
  }
  console.log(JSON.stringify({ ...about, repeats: o.repeats, warmup: o.warmup, networks }, null, 1));
}

main().catch(e => { console.error(`time_faceapi: ${e.message}`); process.exit(1); });

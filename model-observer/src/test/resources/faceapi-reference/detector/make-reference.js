// Reference detections of face-api's tiny face detector, and the 68 landmarks of every face it finds, on face-api's demo
// photographs, downscaled by 3.
// Needs @tensorflow/tfjs@4.22.0, @tensorflow/tfjs-backend-wasm@4.22.0, @vladmandic/face-api@1.7.15, jpeg-js and pngjs,
// found through the current folder's node_modules or NODE_PATH:
//   node make-reference.js DEMO_FOLDER OUT_FOLDER sample1 sample2 sample3 sample4 sample5 sample6 \
//     sample1-edge=sample1:140:100:300:150
// NAME=SOURCE:X:Y:W:H is the W x H rectangle at (X, Y) of SOURCE's downscaled pixels, saved as NAME.png: a photo whose
// faces reach past its edges, where face-api clips the landmark crop but shifts the points by the unclipped box.
const fs = require('fs');
const path = require('path');
const jpeg = require('jpeg-js');
const { PNG } = require('pngjs');
const tf = require('@tensorflow/tfjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

// 3x3 box average, integer rounding half up: a deterministic downscale both sides can read back losslessly as PNG
function downscale(img, f) {
  const w = Math.floor(img.width / f), h = Math.floor(img.height / f);
  const out = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 3; c++) {
    let s = 0;
    for (let dy = 0; dy < f; dy++) for (let dx = 0; dx < f; dx++) s += img.data[((y * f + dy) * img.width + (x * f + dx)) * 4 + c];
    out[(y * w + x) * 3 + c] = Math.floor(s / (f * f) + 0.5);
  }
  return { width: w, height: h, rgb: out };
}

function crop(img, x, y, w, h) {
  const out = Buffer.alloc(w * h * 3);
  for (let r = 0; r < h; r++) img.rgb.copy(out, r * w * 3, ((y + r) * img.width + x) * 3, ((y + r) * img.width + x + w) * 3);
  return { width: w, height: h, rgb: out };
}

const [demo, outDir] = process.argv.slice(2, 4);

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  const modelDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  const result = { faceApi: faceapi.version, tfjs: tf.version_core, backend: tf.getBackend(), photos: {} };
  for (const arg of process.argv.slice(4)) {
    const [name, cut] = arg.split('=');
    let img = downscale(jpeg.decode(fs.readFileSync(`${demo}/${cut ? cut.split(':')[0] : name}.jpg`), { useTArray: true }), 3);
    if (cut) img = crop(img, ...cut.split(':').slice(1).map(Number));
    const png = new PNG({ width: img.width, height: img.height, colorType: 2, inputColorType: 2, inputHasAlpha: false });
    png.data = img.rgb;
    fs.writeFileSync(`${outDir}/${name}.png`, PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false }));
    const tensor = tf.tensor3d(new Int32Array(img.rgb), [img.height, img.width, 3], 'int32');
    const entry = { width: img.width, height: img.height };
    for (const inputSize of [416, 608]) {
      const dets = await faceapi.detectAllFaces(tensor, new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: 0.5 }));
      entry[`tiny${inputSize}`] = dets.map(d => ({ score: d.score, x: d.box.x, y: d.box.y, width: d.box.width, height: d.box.height }));
    }
    // .withFaceLandmarks() at the default input size: the 68 points of each face, in the photo's pixels, in detection order
    const marked = await faceapi.detectAllFaces(tensor, new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 }))
      .withFaceLandmarks();
    entry.tiny416Landmarks = marked.map(r => ({ score: r.detection.score, points: r.landmarks.positions.map(p => [p.x, p.y]) }));
    // the raw network output for the default input size, to compare layer by layer
    const netInput = await faceapi.toNetInput(tensor);
    const out = faceapi.nets.tinyFaceDetector.forwardInput(netInput, 416);
    entry.tiny416RawShape = out.shape;
    entry.tiny416RawFirst = Array.from(out.dataSync().slice(0, 50));
    entry.tiny416RawSum = out.dataSync().reduce((a, b) => a + b, 0);
    out.dispose();
    result.photos[name] = entry;
    tensor.dispose();
  }
  fs.writeFileSync(`${outDir}/expected.json`, JSON.stringify(result, null, 1));
  console.log(JSON.stringify(result, (k, v) => k === 'tiny416RawFirst' ? undefined : v, 1).slice(0, 3000));
}
main();

// Inputs prepared as the @vladmandic/human library (3.3.x src/) prepares a face for each network, from one face crop,
// and the emotion network's output on its input. Run: node human-inputs.js CROP.png MODELS_FOLDER OUT_FOLDER
const fs = require('fs');
const { PNG } = require('pngjs');
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

const [cropFile, modelsFolder, outFolder] = process.argv.slice(2, 5);

function save(name, tensor) {
  fs.writeFileSync(`${outFolder}/${name}`, Buffer.from(tensor.dataSync().buffer));
}

async function main() {
  await tf.setBackend('cpu');
  const png = PNG.sync.read(fs.readFileSync(cropFile));
  const rgb = new Int32Array(png.width * png.height * 3);
  for (let i = 0; i < png.width * png.height; i++) for (let c = 0; c < 3; c++) rgb[3 * i + c] = png.data[4 * i + c];
  const image = tf.tensor4d(rgb, [1, png.height, png.width, 3], 'int32');
  // face/facemeshutil.ts cutAndResize: cropAndResize of the face box to the face mesh input (192), / 255
  const face = tf.div(tf.image.cropAndResize(image, [[0, 0, 1, 1]], [0], [192, 192]), 255);
  // gear/emotion.ts (grey model): resizeBilinear to 64, rgb weights summed, (x - 0.5) * 2
  const emotion = tf.mul(tf.sub(tf.sum(tf.mul(tf.image.resizeBilinear(face, [64, 64], false), tf.tensor1d([0.2989, 0.5870, 0.1140])), 3, true), 0.5), 2);
  save('emotion_input.f32', emotion);
  // face/mobilefacenet.ts and face/insightface.ts: resizeBilinear to 112
  save('mobilefacenet_input.f32', tf.image.resizeBilinear(face, [112, 112], false));
  // face/faceres.ts enhance: resizeBilinear to 224, times 255
  save('faceres_input.f32', tf.mul(tf.image.resizeBilinear(face, [224, 224], false), 255));
  // gear/gear.ts: cropAndResize of [top 0, left 0.10, bottom 0.90, right 0.90] to 198
  save('gear_input.f32', tf.image.cropAndResize(face, [[0, 0.10, 0.90, 0.90]], [0], [198, 198]));
  // object/centernet.ts resizes the whole image to 512: the same legacy resize as above, not kept here (3 MB)
  const model = await tf.loadGraphModel(tf.io.fileSystem ? tf.io.fileSystem(`${modelsFolder}/emotion.json`) : { load: async () => {
    const json = JSON.parse(fs.readFileSync(`${modelsFolder}/emotion.json`));
    const weights = fs.readFileSync(`${modelsFolder}/emotion.bin`);
    return { modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length), format: json.format, generatedBy: json.generatedBy, convertedBy: json.convertedBy, userDefinedMetadata: json.userDefinedMetadata };
  } });
  const out = model.execute(emotion);
  fs.writeFileSync(`${outFolder}/emotion_output.json`, JSON.stringify({ crop: cropFile.split('/').pop(), order: ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'], probabilities: Array.from(out.dataSync()) }, null, 1));
  console.log(Array.from(out.dataSync()));
}
main();

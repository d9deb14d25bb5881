// Face capture (ADR 081): computes the face descriptor of the chosen photo in this browser with the vendored face-api and its
// model weights (nothing leaves the platform's own origin), and puts it in the form beside the photo. The server refuses a
// photo without a descriptor, so a photo with no face is refused even where this script did not run.
// The library (1.3 MB) is imported only when a photo is chosen: the listener is in place as soon as the page is, and a photo
// chosen before this script ran (a fast hand, a restored form) is read at once.
let faceapi = null;

const form = document.querySelector('[data-face-form]');
const input = form?.querySelector('input[type=file]');
const status = document.getElementById('photo-status');
const error = document.getElementById('photo-error');
const descriptor = document.getElementById('descriptor');
const score = document.getElementById('score');
let loading = null;
let busy = false;
let latest = 0;

function loadModels() {
  loading ??= (async () => {
    faceapi = await import('/lib/face-api/face-api.esm.js');
    const base = form.dataset.models;
    // WebGL where the machine has it, the plain CPU backend otherwise (slower, same numbers to the model's precision)
    try { await faceapi.tf.setBackend('webgl'); } catch { await faceapi.tf.setBackend('cpu'); }
    await faceapi.tf.ready();
    await Promise.all([
      faceapi.nets.tinyFaceDetector.loadFromUri(base),
      faceapi.nets.faceLandmark68Net.loadFromUri(base),
      faceapi.nets.faceRecognitionNet.loadFromUri(base),
    ]);
  })();
  return loading;
}

function fail(message) {
  descriptor.value = '';
  score.value = '';
  error.textContent = message;
  status.textContent = '';
  input.setAttribute('aria-invalid', 'true');
}

async function describe(file) {
  const bitmap = await createImageBitmap(file);
  // the model sees at most 640 pixels a side: larger photos only cost time
  const scale = Math.min(1, 640 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d', { willReadFrequently: true }).drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 });
  return faceapi.detectAllFaces(canvas, options).withFaceLandmarks().withFaceDescriptors();
}

async function read() {
  const file = input.files?.[0];
  error.textContent = '';
  input.removeAttribute('aria-invalid');
  descriptor.value = '';
  score.value = '';
  if (!file) { status.textContent = ''; return; }
  const max = Number(form.dataset.maxBytes);
  if (file.size > max) { fail(`照片 ${(file.size / 1048576).toFixed(1)} MB，超过 ${max / 1048576} MB 上限，请压缩后再上传`); return; }
  busy = true;
  // a photo chosen while another is being read replaces it: only the latest choice's result is kept
  const mine = ++latest;
  status.textContent = '正在识别人脸（首次需加载模型，约需十几秒）…';
  try {
    await loadModels();
    const faces = await describe(file);
    if (mine !== latest) return;
    if (faces.length === 0) { fail('照片中未检测到人脸：请使用正面、清晰、只有本人的照片'); return; }
    // the largest face is the person photographed; others are passers-by
    const face = faces.reduce((a, b) => (b.detection.box.area > a.detection.box.area ? b : a));
    descriptor.value = JSON.stringify(Array.from(face.descriptor, v => Math.round(v * 1e6) / 1e6));
    score.value = face.detection.score.toFixed(4);
    status.textContent = faces.length > 1
      ? `检测到 ${faces.length} 张人脸，已取最大的一张（置信度 ${face.detection.score.toFixed(2)}）；如不是本人，请换一张只有本人的照片`
      : `已识别人脸（置信度 ${face.detection.score.toFixed(2)}），可以保存`;
  } catch (e) {
    if (mine === latest) fail('无法读取该图片或识别人脸：' + (e?.message ?? e));
  } finally {
    if (mine === latest) busy = false;
  }
}

input?.addEventListener('change', read);
if (input?.files?.length) read();
if (form) form.dataset.faceReady = 'true';

form?.addEventListener('submit', e => {
  if (busy) { e.preventDefault(); status.textContent = '正在识别人脸，请稍候再保存…'; }
});

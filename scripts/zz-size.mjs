import { build } from 'esbuild';
for (const [name, entry] of [['extract', 'utils/extract/index.ts'], ['client', 'utils/messaging/client.ts'], ['polyfill', 'node_modules/webextension-polyfill/dist/browser-polyfill.js']]) {
  const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false, metafile: true, external: ['wxt/browser'] });
  console.log(name, r.outputFiles[0].text.length);
  if (name === 'extract') for (const [f, i] of Object.entries(r.metafile.outputs)) for (const [inp, d] of Object.entries(i.inputs)) console.log('   ', inp, d.bytesInOutput);
}

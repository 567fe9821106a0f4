// Bundles the bpmn.io editors into the app's static resources; run by Maven (generate-resources) through `npm run build`.
import * as esbuild from 'esbuild';

const outdir = process.argv[2] || '../target/classes/static/modeler';

await esbuild.build({
  entryPoints: { modeler: 'src/modeler.js', 'modeler-styles': 'src/modeler.css' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir,
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning'
});

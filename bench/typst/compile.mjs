// Compiles a .typ file to PDF with the Typst compiler from npm
// (@myriaddreamin/typst-ts-node-compiler): node compile.mjs IN.typ FONTDIR
// OUT.pdf. ../vs-typst.sh copies it next to its own npm install.
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const [typ, fonts, out] = process.argv.slice(2).map((p) => resolve(p));
const compiler = NodeCompiler.create({
  workspace: dirname(typ),
  fontArgs: [{ fontPaths: [fonts] }],
});
const pdf = compiler.pdf({ mainFilePath: typ });
writeFileSync(out, pdf);

import { execFile } from 'node:child_process';

// unpdf (pdf.js, serverless build) is ESM with dynamic imports Jest's VM cannot run: it reads the PDF in a
// plain Node child process, the way any PDF reader would, from bytes on stdin.
const READ = `
import { extractText, getDocumentProxy } from 'unpdf';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { totalPages, text } = await extractText(pdf, { mergePages: true });
process.stdout.write(JSON.stringify({ pages: totalPages, text }));
`;

/** The text a PDF reader finds in these bytes (proves the glyphs map back to Unicode), and its page count. */
export function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', READ],
      { cwd: __dirname, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as { pages: number; text: string });
      },
    );
    child.stdin?.end(Buffer.from(bytes));
  });
}

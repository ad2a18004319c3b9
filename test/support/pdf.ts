import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * A printed PDF as a reader sees it, through poppler-utils (Debian; .ci/run installs it): its text
 * (pdftotext), pages and fonts, and page by page what a phone's camera reads from the page's QR
 * code (pdftoppm at 150 dpi, then jsQR). Nothing here trusts how the PDF was made. Asynchronous,
 * so a test runtime in the same process keeps answering meanwhile.
 */
const run = promisify(execFile);

async function withFile<T>(pdf: Buffer, use: (file: string, folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'lxq-pdf-'));
  try {
    await writeFile(join(folder, 'sheet.pdf'), pdf);
    return await use(join(folder, 'sheet.pdf'), folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Buffer): Promise<string> {
  return withFile(pdf, async (file) => (await run('pdftotext', ['-layout', file, '-'])).stdout);
}

export function pdfPageCount(pdf: Buffer): Promise<number> {
  return withFile(pdf, async (file) => Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [file])).stdout)?.[1] ?? 0));
}

/** The fonts the PDF uses, as pdffonts lists them: name, and whether embedded. */
export function pdfFonts(pdf: Buffer): Promise<Array<{ name: string; embedded: boolean }>> {
  return withFile(pdf, async (file) =>
    (await run('pdffonts', [file])).stdout
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => {
        const cols = line.trim().split(/\s+/);
        return { name: cols[0] ?? '', embedded: cols[cols.length - 5] === 'yes' };
      }),
  );
}

/** What the QR code on each page reads (null where none scans). */
export function pdfPageCodes(pdf: Buffer): Promise<Array<string | null>> {
  return withFile(pdf, async (file, folder) => {
    await run('pdftoppm', ['-r', '150', '-png', file, join(folder, 'page')]);
    const pages = (await readdir(folder)).filter((name) => name.endsWith('.png')).sort();
    const reads: Array<string | null> = [];
    for (const name of pages) {
      const png = PNG.sync.read(await readFile(join(folder, name)));
      reads.push(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null);
    }
    // Decoding a page holds the event loop for a while: let the runtime's overdue timers (closing
    // idle keep-alive sockets) run before the test's next request could pick such a socket.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return reads;
  });
}

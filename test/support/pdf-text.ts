import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * A PDF's text as poppler's pdftotext reads it (layout kept, UTF-8, NFC): a program that did not
 * write the PDF. Takes the bytes, base64 text (as a mail attachment carries it) or a file path.
 */
export function pdfText(pdf: Uint8Array | { base64: string } | { path: string }): string {
  const bytes = pdf instanceof Uint8Array ? pdf : 'base64' in pdf ? Buffer.from(pdf.base64, 'base64') : readFileSync(pdf.path);
  return execFileSync('/usr/bin/pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).normalize('NFC');
}

/** The PDF's pages as pdftotext reads them (split at its form feeds), without the empty last one. */
export function pdfPages(pdf: Parameters<typeof pdfText>[0]): string[] {
  const pages = pdfText(pdf).split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}

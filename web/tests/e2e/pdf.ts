/**
 * A tiny valid PDF with real, extractable text: one page, Helvetica, one line per paragraph.
 * Text is WinAnsi-encoded (so "—" works); byte offsets in the xref table are computed, not guessed.
 */
const WIN_ANSI_EXTRAS: Record<string, number> = { '—': 0x97, '–': 0x96, '’': 0x92, '“': 0x93, '”': 0x94 };

function winAnsi(text: string): number[] {
  return [...text].map((char) => {
    const extra = WIN_ANSI_EXTRAS[char];
    if (extra !== undefined) return extra;
    const code = char.charCodeAt(0);
    if (code > 0xff) throw new Error(`"${char}" has no WinAnsi byte`);
    return code;
  });
}

function pdfString(text: string): number[] {
  const bytes: number[] = [0x28]; // (
  for (const byte of winAnsi(text)) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) bytes.push(0x5c); // escape ( ) \
    bytes.push(byte);
  }
  bytes.push(0x29); // )
  return bytes;
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

export function buildPdf(lines: string[]): Buffer {
  const content: number[] = [...ascii('BT /F1 12 Tf 14 TL 56 780 Td\n')];
  for (const line of lines) content.push(...pdfString(line), ...ascii(" '\n"));
  content.push(...ascii('ET\n'));

  const objects: number[][] = [
    ascii('<< /Type /Catalog /Pages 2 0 R >>'),
    ascii('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    ascii('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>'),
    ascii('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    [...ascii(`<< /Length ${content.length} >>\nstream\n`), ...content, ...ascii('\nendstream')],
  ];

  const out: number[] = [...ascii('%PDF-1.4\n'), 0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a];
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out.push(...ascii(`${index + 1} 0 obj\n`), ...body, ...ascii('\nendobj\n'));
  });
  const xrefAt = out.length;
  out.push(...ascii(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`));
  for (const offset of offsets) out.push(...ascii(`${String(offset).padStart(10, '0')} 00000 n \n`));
  out.push(...ascii(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`));
  return Buffer.from(out);
}

import { renderPdf, type PdfBlock, type PdfDocumentSpec } from '../../documents/pdf';
import {
  contractBlocks,
  contractTitle,
  employeeName,
  type ContractSnapshot,
} from '../../../shared/domain/contract-doc';

/**
 * The contract PDF, built from the snapshot alone (docs/product.md §7): Swedish text, embedded DejaVu font so åäö are
 * intact and extractable, and deterministic — the snapshot's generatedAt is the PDF's creation date, so the same
 * snapshot always gives the same file.
 */
export function contractPdfSpec(s: ContractSnapshot): PdfDocumentSpec {
  const employer = s.terms.employer;
  const blocks: PdfBlock[] = contractBlocks(s).map((b): PdfBlock => {
    if (b.kind === 'table') return { kind: 'table', columns: b.columns.map((header) => ({ header })), rows: b.rows };
    return b;
  });
  return {
    title: `${contractTitle(s)} ${s.contractNumber}`,
    subject: `Anställningsavtal för ${employeeName(s.terms)}, version ${s.version}`,
    author: employer.name,
    header: [employer.name, employer.unit].filter(Boolean).join(' · '),
    footer: `Avtal ${s.contractNumber} · version ${s.version}`,
    createdAt: s.generatedAt,
    blocks,
  };
}

export function renderContractPdf(s: ContractSnapshot): Promise<Buffer> {
  return renderPdf(contractPdfSpec(s));
}

/** A file name HR recognises: "Anställningsavtal JB-2026-0042 v2 Öberg Åsa.pdf" (characters a file system refuses are removed). */
export function contractFileName(s: ContractSnapshot, ext: string): string {
  const raw = `Anställningsavtal ${s.contractNumber} v${s.version} ${s.terms.employee.lastName} ${s.terms.employee.firstName}`;
  const FORBIDDEN = /[\\/:*?"<>|]/g;
  const cleaned = [...raw.replace(FORBIDDEN, '')].filter((ch) => ch.charCodeAt(0) >= 0x20).join('');
  return `${cleaned.replace(/\s+/g, ' ').trim()}.${ext}`;
}

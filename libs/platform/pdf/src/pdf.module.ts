import { Module } from '@nestjs/common';
import { PdfRenderer } from './pdf-renderer';

/** Provides PdfRenderer (one Chromium per process, launched on first use, closed with the module). */
@Module({ providers: [PdfRenderer], exports: [PdfRenderer] })
export class PdfModule {}

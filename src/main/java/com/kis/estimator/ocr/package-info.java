/**
 * Document intake (OCR): customers' requests for quotation and purchase orders, scanned or photographed, read by
 * Tesseract, their header and line items extracted and matched against the catalog, confirmed by a sales person
 * in Tasklist and turned into a draft estimate (docs/ocr.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Document intake (OCR)")
package com.kis.estimator.ocr;

/**
 * ERP integration (docs/erp-import.md): ERP exports of products, customers and price lists taken in by push,
 * file inbox or scheduled pull and applied all or nothing by the erp-import process; the sync status; the
 * outbound feed of approved estimates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "ERP")
package com.kis.estimator.erp;

/**
 * ERP integration: reading what the company's ERP exports (products, customers, price lists) and, later, the
 * import process, the sync status and the outbound feed of approved estimates (issue 6). So far: reading ERP
 * CSV files as Korean ERPs write them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "ERP")
package com.kis.estimator.erp;

package com.kis.estimator.erp.staging;

import org.springframework.stereotype.Component;

import com.kis.estimator.erp.importing.CustomerRows;
import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.importing.PriceRows;
import com.kis.estimator.erp.importing.ProductRows;
import com.kis.estimator.erp.importing.RowParser;
import com.kis.estimator.platform.crypto.ColumnCipher;

/** The row parser of each import type. */
@Component
class RowParsers {

    private final ColumnCipher cipher;

    RowParsers(ColumnCipher cipher) {
        this.cipher = cipher;
    }

    RowParser of(ImportType type) {
        return switch (type) {
            case PRODUCTS -> new ProductRows();
            case CUSTOMERS -> new CustomerRows(cipher);
            case PRICES -> new PriceRows();
        };
    }
}

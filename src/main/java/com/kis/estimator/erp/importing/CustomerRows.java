package com.kis.estimator.erp.importing;

import com.kis.estimator.catalog.BusinessRegistrationNumber;
import com.kis.estimator.platform.crypto.ColumnCipher;

/**
 * A customer row: code, name, business registration number (check digit verified), tier, price list. The number
 * is staged already encrypted, with its blind index, so that plaintext never reaches a table.
 */
public final class CustomerRows implements RowParser {

    private final ColumnCipher cipher;

    public CustomerRows(ColumnCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public Object[] parse(RowReader row) {
        String code = row.key("customer_code", 40);
        String name = row.text("name", 200, true);
        String written = row.text("business_registration_number", 20, true);
        String brn = BusinessRegistrationNumber.normalize(written);
        if (written != null && brn == null) {
            row.problem("business_registration_number", "is not a valid registration number (check digit)");
        }
        String tier = row.text("tier", 20, true);
        String priceList = row.text("price_list", 40, false);
        if (row.hasProblems()) {
            return null;
        }
        return new Object[] {code, name, cipher.encrypt(brn), cipher.blindIndex(brn), tier, priceList};
    }
}

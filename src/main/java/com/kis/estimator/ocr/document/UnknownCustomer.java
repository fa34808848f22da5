package com.kis.estimator.ocr.document;

/** The uploader named a customer code the catalog does not know. */
public class UnknownCustomer extends Exception {

    public UnknownCustomer(String code) {
        super("No customer with code " + code);
    }
}

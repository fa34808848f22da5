package com.kis.estimator.erp.process;

/** A file over {@code kis.erp.max-file-size}: refused before anything is stored. */
public class FileTooLarge extends RuntimeException {

    public FileTooLarge(long maxBytes) {
        super("the file is larger than " + maxBytes + " bytes (kis.erp.max-file-size)");
    }
}

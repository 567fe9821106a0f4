package dev.fapiaoflow.support;

/** Buyer details that only the sealed-data test uses, so finding them anywhere in clear is its own doing. */
public final class SealedValues {

    public static final String CORRECTED_PHONE = "021-58889999";
    public static final String CORRECTED_ACCOUNT = "31050161393600001234";
    public static final String CORRECTED_ADDRESS = "上海市浦东新区世纪大道88号";

    private SealedValues() {
    }
}

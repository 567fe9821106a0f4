package dev.fapiaoflow.security;

/**
 * A column sealed with {@link FieldCipher} by plain JDBC, outside the JPA mapping (where {@link ReEncryption} finds
 * the converted ones by itself): a feature declares each as a bean so that the key rotation's re-encryption run walks
 * it too. {@code idColumn} is the table's single-column primary key, walked in order.
 */
public record SealedColumn(String table, String column, String idColumn) {
}

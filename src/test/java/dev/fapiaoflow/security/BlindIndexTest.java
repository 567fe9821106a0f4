package dev.fapiaoflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tax-ID blind index: stable per key, different across keys, and not the value itself. */
class BlindIndexTest {

    private static final String TAX_ID = "91110108351303601C";

    @TempDir
    Path keys;

    @Test
    void sameValueSameIndexWithOneKeyAndAnotherIndexWithAnotherKey() throws Exception {
        BlindIndex first = new BlindIndex(properties(keys.resolve("a.json")));
        BlindIndex firstAgain = new BlindIndex(properties(keys.resolve("a.json")));
        BlindIndex other = new BlindIndex(properties(keys.resolve("b.json")));

        assertThat(first.of(TAX_ID)).hasSize(64).isEqualTo(firstAgain.of(TAX_ID)).doesNotContain(TAX_ID);
        assertThat(first.of("91110108MA01ABCD2H")).isNotEqualTo(first.of(TAX_ID));
        assertThat(other.of(TAX_ID)).isNotEqualTo(first.of(TAX_ID));
        assertThat(first.of(null)).isNull();
    }

    private static CryptoProperties properties(Path indexKeysetFile) {
        return new CryptoProperties(null, indexKeysetFile.resolveSibling("aead.json"), null, indexKeysetFile, null,
                indexKeysetFile.resolveSibling("audit.json"));
    }
}

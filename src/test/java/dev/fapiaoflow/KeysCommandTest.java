package dev.fapiaoflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys init}: every shared key as an owner-only file, and a second run never replaces one. */
class KeysCommandTest {

    @Test
    void writesEveryKeyOnceAndKeepsThemWhenRunAgain(@TempDir Path folder) throws Exception {
        Path keys = folder.resolve("secrets");

        assertThat(KeysCommand.run(new String[] {"keys", "init", keys.toString()})).isZero();

        Map<String, byte[]> first = new HashMap<>();
        for (String file : KeysCommand.FILES) {
            Path path = keys.resolve(file);
            assertThat(path).as(file).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(file).isEqualTo("rw-------");
            first.put(file, Files.readAllBytes(path));
        }
        assertThat(new String(first.get("keyset.json"))).contains("AesGcmKey");
        assertThat(new String(first.get("ofd-signing-sm2.pem"))).contains("BEGIN PRIVATE KEY", "BEGIN PUBLIC KEY");

        assertThat(KeysCommand.run(new String[] {"keys", "init", keys.toString()})).isZero();
        for (String file : KeysCommand.FILES) {
            assertThat(Files.readAllBytes(keys.resolve(file))).as(file + " kept").isEqualTo(first.get(file));
        }
    }

    @Test
    void answersUsageForAnythingElse() {
        assertThat(KeysCommand.run(new String[] {"keys"})).isEqualTo(2);
        assertThat(KeysCommand.run(new String[] {"keys", "rotate", "x"})).isEqualTo(2);
        assertThat(KeysCommand.handles(new String[] {"--server.port=8080"})).isFalse();
    }
}

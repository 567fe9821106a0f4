package dev.fapiaoflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.fapiaoflow.security.KeyFiles;
import dev.fapiaoflow.signing.SigningKeyFiles;

/**
 * {@code java -jar fapiaoflow.jar keys init <folder>}: writes every key several nodes must share (data keyset, index
 * keyset, audit keyset, PDF signing keystore with its password file, SM2 key for OFDs) into one folder, owner-only,
 * without starting the application, so nobody needs another tool. Files already there are kept: running it again
 * never replaces a key. Mount the folder into every node (docker-compose.yml, docs/operations.md).
 */
final class KeysCommand {

    static final List<String> FILES = List.of(KeyFiles.DATA_KEYSET, KeyFiles.INDEX_KEYSET, KeyFiles.AUDIT_KEYSET,
            SigningKeyFiles.KEYSTORE, SigningKeyFiles.KEYSTORE + ".password", SigningKeyFiles.OFD_KEY);

    private KeysCommand() {
    }

    static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("keys");
    }

    static int run(String[] args) {
        if (args.length != 3 || !args[1].equals("init")) {
            System.err.println("usage: java -jar fapiaoflow.jar keys init <folder>");
            return 2;
        }
        Path folder = Path.of(args[2]);
        try {
            List<String> before = existing(folder);
            KeyFiles.init(folder);
            SigningKeyFiles.init(folder);
            for (String file : FILES) {
                System.out.println((before.contains(file) ? "kept     " : "created  ") + folder.resolve(file));
            }
            return 0;
        } catch (Exception e) {
            System.err.println("keys init failed: " + e);
            return 1;
        }
    }

    private static List<String> existing(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}

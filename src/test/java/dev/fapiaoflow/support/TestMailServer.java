package dev.fapiaoflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One GreenMail SMTP server for the whole test JVM, on a free port, so every Spring test context sees
 * a real SMTP server through the standard {@code spring.mail.*} settings.
 */
public final class TestMailServer {

    private static GreenMail server;

    private TestMailServer() {
    }

    public static synchronized GreenMail get() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static void register(DynamicPropertyRegistry registry) {
        GreenMail mail = get();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
    }
}

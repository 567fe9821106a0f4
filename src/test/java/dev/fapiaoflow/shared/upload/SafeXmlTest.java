package dev.fapiaoflow.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/** Every parser SafeXml hands out refuses a DTD before anything in it is fetched or expanded. */
class SafeXmlTest {

    private final HostileFiles.Listener attacker = new HostileFiles.Listener();

    @AfterEach
    void stop() {
        attacker.close();
    }

    private String xxe() {
        return HostileFiles.externalEntityDoctype("root", attacker.url()) + "<root>&xxe;</root>";
    }

    @Test
    void domSaxStaxAndDom4jRefuseAnExternalEntityWithoutFetchingIt() {
        assertThatThrownBy(() -> SafeXml.documentBuilderFactory().newDocumentBuilder().parse(new InputSource(new StringReader(xxe()))))
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> SafeXml.saxParserFactory().newSAXParser().parse(new InputSource(new StringReader(xxe())),
                new DefaultHandler())).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> {
            XMLStreamReader stax = SafeXml.xmlInputFactory().createXMLStreamReader(new StringReader(xxe()));
            while (stax.hasNext()) {
                stax.next();
            }
        }).isNotNull();
        assertThatThrownBy(() -> SafeXml.dom4jReader().read(new StringReader(xxe()))).hasMessageContaining("DOCTYPE");

        assertThat(attacker.hits()).isZero();
    }

    @Test
    void dom4jAsOfdrwCreatesItResolvesExternalEntitiesWhichIsWhySafeXmlReplacesIt() throws Exception {
        // the reason for SafeXml.dom4jReader: this is what ofdrw's SAXReaderFactory returned by default; whether the
        // parse then fails on what came back does not matter, the request has gone out
        try {
            new org.dom4j.io.SAXReader().read(new StringReader(xxe()));
        } catch (org.dom4j.DocumentException afterTheFetch) {
            // expected: the listener's answer is no valid entity text
        }

        assertThat(attacker.hits()).isPositive();
    }

    @Test
    void refuseDoctypeNamesThePartAndStopsBeforeTheEntitiesAreRead() {
        byte[] bomb = (HostileFiles.billionLaughsDoctype("root") + "<root>&lol9;</root>").getBytes(StandardCharsets.UTF_8);
        byte[] external = xxe().getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SafeXml.refuseDoctype("Doc_0/Content.xml", new ByteArrayInputStream(bomb)))
                .isInstanceOf(UploadRejected.class).hasMessageContaining("Doc_0/Content.xml");
        assertThatThrownBy(() -> SafeXml.refuseDoctype("OFD.xml", new ByteArrayInputStream(external)))
                .isInstanceOf(UploadRejected.class);
        assertThat(attacker.hits()).isZero();
    }

    @Test
    void refuseDoctypeLetsPlainXmlAndNonXmlPassAndReadsOnlyTheProlog() throws Exception {
        byte[] xml = ("<?xml version=\"1.0\"?><root>" + "x".repeat(100_000) + "</root>").getBytes(StandardCharsets.UTF_8);
        InputStream in = new ByteArrayInputStream(xml);

        SafeXml.refuseDoctype("plain.xml", in);
        assertThat(in.available()).as("bytes left unread after the prolog").isGreaterThan(90_000);
        assertThatCode(() -> SafeXml.refuseDoctype("font.ttf", new ByteArrayInputStream(new byte[] { 0, 1, 0, 0, 0, 16 })))
                .doesNotThrowAnyException();
        assertThatCode(() -> SafeXml.refuseDoctype("broken.xml", new ByteArrayInputStream("<a><b></a>".getBytes(StandardCharsets.UTF_8))))
                .doesNotThrowAnyException();
    }
}

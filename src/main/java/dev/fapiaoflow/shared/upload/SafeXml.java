package dev.fapiaoflow.shared.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;

import org.dom4j.io.SAXReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one place for XML parser settings: every parser the application creates, and the dom4j reader it hands to
 * ofdrw, refuses a document type declaration (DTD) outright, so neither external entities (XXE, SSRF) nor entity
 * expansion ("billion laughs") can happen, resolves nothing external (DTDs, schemas, stylesheets, XInclude) and runs
 * with JAXP's secure processing limits. Uploaded files and models never need a DTD: OFD, OOXML, BPMN and DMN are
 * defined by XML Schema.
 */
public final class SafeXml {

    static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";

    private SafeXml() {
    }

    /** Namespace-aware DOM builders. */
    public static DocumentBuilderFactory documentBuilderFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    /** Namespace-aware SAX parsers. */
    public static SAXParserFactory saxParserFactory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    /** StAX readers: no DTD support at all, no external entities. */
    public static XMLInputFactory xmlInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    /** Serialisers (identity transforms): no external DTD or stylesheet is fetched. */
    public static TransformerFactory transformerFactory() {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }

    /**
     * A dom4j reader over the safe SAX parser. dom4j's plain {@code new SAXReader()}, which ofdrw uses, resolves
     * external entities; its {@code createDefault()} still accepts a DTD. This one accepts neither.
     */
    public static SAXReader dom4jReader() {
        try {
            XMLReader xml = saxParserFactory().newSAXParser().getXMLReader();
            SAXReader reader = new SAXReader(xml);
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create a safe dom4j reader", e);
        }
    }

    /**
     * Refuses a part of an upload that is XML with a DTD. Reads only the prolog (up to the root element), so it costs
     * next to nothing; what is not XML at all (an image, a font) passes, as does XML that is otherwise broken: the
     * part's own parser, as safe as this one, decides about that. The stream is left open and unread past the prolog.
     *
     * @throws UploadRejected {@link UploadRejected.Reason#DTD} naming {@code part}
     */
    public static void refuseDoctype(String part, InputStream content) throws IOException {
        try {
            SAXParserFactory factory = saxParserFactory();
            // the DTD must be seen to be refused with our own reason; it is refused before anything in it is read
            factory.setFeature(DISALLOW_DOCTYPE, false);
            XMLReader xml = factory.newSAXParser().getXMLReader();
            PrologOnly handler = new PrologOnly();
            xml.setContentHandler(handler);
            xml.setErrorHandler(new DefaultHandler());
            xml.setProperty(LEXICAL_HANDLER, handler);
            xml.setEntityResolver((publicId, systemId) -> {
                throw new DoctypeFound();
            });
            xml.parse(new InputSource(new KeepOpen(content)));
        } catch (DoctypeFound e) {
            throw UploadRejected.dtd(part);
        } catch (RootReached | org.xml.sax.SAXParseException notXml) {
            // the prolog is over without a DTD, or this part is not XML: nothing to refuse here
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot check XML for a DTD", e);
        }
    }

    private static final class PrologOnly extends DefaultHandler2 {

        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            throw new DoctypeFound();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            throw new RootReached();
        }
    }

    private static final class DoctypeFound extends SAXException {
    }

    private static final class RootReached extends SAXException {
    }

    /** the parser closes its input when it stops; the zip entry behind it must stay readable */
    private static final class KeepOpen extends FilterInputStream {

        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}

package dev.fapiaoflow.signing.internal;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;

import com.itextpdf.kernel.utils.DefaultSafeXmlParserFactory;
import com.itextpdf.kernel.utils.XmlProcessorCreator;

import dev.fapiaoflow.shared.upload.SafeXml;
import dev.fapiaoflow.shared.upload.UploadRejected;

/**
 * iText parses the XML inside a PDF (XFA forms, XMP metadata) with the factories of {@link SafeXml}: iText's own
 * default is safe too, this makes it the same one policy, and lets a PDF whose XML declares a DTD be told apart from
 * a merely broken one.
 */
public final class ItextXml extends DefaultSafeXmlParserFactory {

    /** the feature's name is an argument of the parser's message, so it is there in every language */
    private static final String DOCTYPE_REFUSED = "disallow-doctype-decl";

    static {
        XmlProcessorCreator.setXmlParserFactory(new ItextXml());
    }

    private ItextXml() {
    }

    /** loads this class, and with it the factory into iText */
    public static void install() {
        // the static initialiser did it
    }

    /** @throws UploadRejected when {@code failure} (from iText reading a PDF) comes from XML with a DTD */
    public static void rethrowDoctype(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(DOCTYPE_REFUSED)) {
                throw UploadRejected.dtd("PDF XFA/XMP");
            }
        }
    }

    @Override
    protected DocumentBuilderFactory createDocumentBuilderFactory() {
        return SafeXml.documentBuilderFactory();
    }

    @Override
    protected SAXParserFactory createSAXParserFactory() {
        return SafeXml.saxParserFactory();
    }
}

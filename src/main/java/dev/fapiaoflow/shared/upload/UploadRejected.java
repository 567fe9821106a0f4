package dev.fapiaoflow.shared.upload;

import org.springframework.http.HttpStatus;

/**
 * An uploaded file refused for what it would make the server do: declare a DTD or entities (422), or unpack past the
 * limits of {@link UploadLimits} (413). Its message key and arguments are resolved in the caller's language; the
 * exception's own message is English, for the log.
 */
public class UploadRejected extends RuntimeException {

    public enum Reason {
        /** an XML part declares a document type (DTD): external entities, entity bombs */
        DTD(HttpStatus.UNPROCESSABLE_ENTITY, "upload.rejected.dtd"),
        /** an entry name that would leave the folder it is unpacked into, or that cannot be a file name */
        ENTRY_NAME(HttpStatus.UNPROCESSABLE_ENTITY, "upload.rejected.entryName"),
        TOO_MANY_ENTRIES(HttpStatus.PAYLOAD_TOO_LARGE, "upload.rejected.entries"),
        UNPACKED_SIZE(HttpStatus.PAYLOAD_TOO_LARGE, "upload.rejected.unpacked"),
        COMPRESSION_RATIO(HttpStatus.PAYLOAD_TOO_LARGE, "upload.rejected.ratio");

        private final HttpStatus status;
        private final String messageKey;

        Reason(HttpStatus status, String messageKey) {
            this.status = status;
            this.messageKey = messageKey;
        }

        public HttpStatus status() {
            return status;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;
    private final transient Object[] arguments;

    public UploadRejected(Reason reason, String logMessage, Object... arguments) {
        super(logMessage);
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** an XML part ({@code part}: its name in the upload) declares a DTD */
    public static UploadRejected dtd(String part) {
        return new UploadRejected(Reason.DTD, "XML part " + part + " declares a DTD", part);
    }
}

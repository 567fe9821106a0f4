package dev.fapiaoflow.verification;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/** An uploaded invoice document, bounded before any parser sees it. */
@Component
class DocumentUploads {

    private final DataSize maxFileSize;

    DocumentUploads(@Value("${fapiaoflow.verification.document.max-file-size:5MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    DataSize maxFileSize() {
        return maxFileSize;
    }

    /**
     * @throws InvalidInputException {@code file} when missing or empty
     * @throws ErrorResponseException 413 when larger than {@code fapiaoflow.verification.document.max-file-size}
     */
    byte[] read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", Texts.of("verify.document.required"));
        }
        if (file.getSize() > maxFileSize.toBytes()) {
            throw tooLarge();
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
    }

    ErrorResponseException tooLarge() {
        return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                Texts.of("upload.tooLarge", maxFileSize.toMegabytes())), null);
    }
}

package dev.fapiaoflow.verification;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.fapiaoflow.verification.internal.UploadRefused;
import dev.fapiaoflow.shared.Texts;

/** API.md "Verification", batch: upload, progress, result file; a batch is visible to its owner only. */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/verifications/batch")
class BatchVerificationController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final BatchVerificationService batches;

    BatchVerificationController(BatchVerificationService batches) {
        this.batches = batches;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Long>> submit(@RequestParam("file") MultipartFile file, Authentication authentication)
            throws IOException {
        long id = batches.submit(authentication.getName(), file.getSize(), file.getInputStream());
        return ResponseEntity.accepted().location(URI.create("/api/verifications/batch/" + id)).body(Map.of("jobId", id));
    }

    @GetMapping("/{jobId}")
    BatchProgress progress(@PathVariable long jobId, Authentication authentication) {
        return batches.progress(authentication.getName(), jobId);
    }

    @GetMapping("/{jobId}/result.csv")
    ResponseEntity<StreamingResponseBody> result(@PathVariable long jobId, Authentication authentication) {
        String owner = authentication.getName();
        // ownership is checked here, before the body streams: a stranger gets the 404 and no file
        batches.progress(owner, jobId);
        StreamingResponseBody body = out -> batches.resultWriter(owner, jobId, out).run();
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("verification-batch-" + jobId + ".csv").build().toString())
                .body(body);
    }

    @ExceptionHandler(UploadRefused.class)
    ProblemDetail refused(UploadRefused e) {
        return problem(e.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST, e.getMessage());
    }

    static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(Texts.of(status == HttpStatus.PAYLOAD_TOO_LARGE ? "upload.title.tooLarge" : "upload.title.unreadable"));
        problem.setType(URI.create("https://fapiaoflow.dev/problems/batch-upload"));
        return problem;
    }
}

package dev.fapiaoflow.modeling.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.fapiaoflow.modeling.ModelKind;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/** The modeling API behind the editors and the library; for process owners and administrators. */
@RestController
@RequestMapping("/api/models")
@PreAuthorize("hasAnyAuthority('" + Groups.PROCESS_OWNER + "', '" + Groups.ADMIN + "')")
class ModelingApiController {

    record ModelText(String resourceName, String content, String comment, String action) {
    }

    record RollbackRequest(String comment) {
    }

    record MigrationRequest(Integer fromVersion, Integer toVersion, List<String> processInstanceIds) {
    }

    private final ModelLibrary library;
    private final ModelDeployments deployments;
    private final ModelDiff diff;
    private final ModelMigrations migrations;
    private final FlowableImport flowable;
    private final DecisionCases decisionCases;

    ModelingApiController(ModelLibrary library, ModelDeployments deployments, ModelDiff diff, ModelMigrations migrations,
            FlowableImport flowable, DecisionCases decisionCases) {
        this.decisionCases = decisionCases;
        this.library = library;
        this.deployments = deployments;
        this.diff = diff;
        this.migrations = migrations;
        this.flowable = flowable;
    }

    @GetMapping
    List<ModelLibrary.Model> all() {
        return library.all();
    }

    @GetMapping("/{kind}/{key}/versions/{version}/content")
    ResponseEntity<byte[]> content(@PathVariable String kind, @PathVariable String key, @PathVariable String version) {
        ModelKind modelKind = kind(kind);
        ModelLibrary.Version found = library.versionOrLatest(modelKind, key, version(version));
        MediaType type = modelKind == ModelKind.FORM ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML;
        return ResponseEntity.ok().contentType(type).header("X-Model-Version", String.valueOf(found.version()))
                .header("X-Resource-Name", modelKind.repositoryPath(found.resourceName())).body(library.content(found));
    }

    @PostMapping("/checks")
    ModelChecks.Outcome check(@RequestBody ModelText model) {
        return deployments.check(model.resourceName(), bytes(model));
    }

    @PostMapping("/deployments")
    ResponseEntity<ModelDeployments.Deployed> deploy(@RequestBody ModelText model, Authentication user) {
        String action = "IMPORT".equals(model.action()) ? "IMPORT" : "DEPLOY";
        ModelDeployments.Deployed deployed = deployments.deploy(model.resourceName(), bytes(model), model.comment(), user.getName(), action);
        return created(deployed);
    }

    @PostMapping("/{kind}/{key}/versions/{version}/rollback")
    ResponseEntity<ModelDeployments.Deployed> rollback(@PathVariable String kind, @PathVariable String key, @PathVariable int version,
            @RequestBody(required = false) RollbackRequest request, Authentication user) {
        return created(deployments.rollback(kind(kind), key, version, request == null ? null : request.comment(), user.getName()));
    }

    @GetMapping("/{kind}/{key}/versions/{version}/diff")
    Map<String, Object> diff(@PathVariable String kind, @PathVariable String key, @PathVariable String version,
            @RequestParam(required = false) Integer against) {
        ModelKind modelKind = kind(kind);
        ModelLibrary.Version after = library.versionOrLatest(modelKind, key, version(version));
        int beforeVersion = against != null ? against : after.version() - 1;
        ModelLibrary.Version before = library.version(modelKind, key, beforeVersion)
                .orElseThrow(() -> new NotFoundException(modelKind + " " + key + " version", beforeVersion));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("before", before.version());
        answer.put("after", after.version());
        answer.put("changes", modelKind == ModelKind.FORM ? null : diff.between(library.content(before), library.content(after)));
        return answer;
    }

    @GetMapping("/bpmn/{key}/migration")
    ModelMigrations.Plan migrationPlan(@PathVariable String key, @RequestParam int from, @RequestParam(defaultValue = "0") int to) {
        return migrations.plan(key, from, to);
    }

    @PostMapping("/bpmn/{key}/migration")
    Map<String, Object> migrate(@PathVariable String key, @RequestBody MigrationRequest request) {
        if (request.fromVersion() == null) {
            throw new InvalidInputException("fromVersion", Texts.of("field.required"));
        }
        int to = request.toVersion() == null ? 0 : request.toVersion();
        return Map.of("migrated", migrations.migrate(key, request.fromVersion(), to, request.processInstanceIds()));
    }

    @PostMapping(path = "/flowable-import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    FlowableImport.Translation importFlowable(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", Texts.of("modeling.file.required"));
        }
        return flowable.translate(file.getOriginalFilename(), file.getBytes());
    }

    /**
     * the current version of every model, as files for the repository's bpmn/, dmn/ and forms/; with a generated case
     * file for each decision the build has no cases for, since the build fails on a table without them
     */
    @GetMapping(path = "/files.zip", produces = "application/zip")
    ResponseEntity<byte[]> files() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            java.util.Set<String> written = new java.util.HashSet<>();
            for (ModelLibrary.Model model : library.all()) {
                ModelLibrary.Version latest = model.latest();
                String path = model.kind().repositoryPath(latest.resourceName());
                if (written.add(path)) {
                    out.putNextEntry(new ZipEntry(path));
                    out.write(library.content(latest));
                    out.closeEntry();
                }
                byte[] cases = model.untested() ? decisionCases.generate(model.key(), library.content(latest)) : null;
                if (cases != null) {
                    out.putNextEntry(new ZipEntry("src/main/resources/" + DecisionCases.CASES_FOLDER + model.key() + ".json"));
                    out.write(cases);
                    out.closeEntry();
                }
            }
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("fapiaoflow-models.zip").build().toString()).body(zip.toByteArray());
    }

    @ExceptionHandler(ModelRefused.class)
    ProblemDetail refused(ModelRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                Texts.of("modeling.refused.detail"));
        problem.setTitle(Texts.of("modeling.refused.title"));
        problem.setType(URI.create("https://fapiaoflow.dev/problems/model-refused"));
        problem.setProperty("problems", e.problems());
        problem.setProperty("differences", e.outcome().differences());
        return problem;
    }

    static ModelKind kind(String kind) {
        try {
            return ModelKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("model kind", kind);
        }
    }

    private static int version(String version) {
        if ("latest".equals(version)) {
            return 0;
        }
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new NotFoundException("version", version);
        }
    }

    private static byte[] bytes(ModelText model) {
        if (model.content() == null || model.content().isBlank()) {
            throw new InvalidInputException("content", Texts.of("field.required"));
        }
        return model.content().getBytes(StandardCharsets.UTF_8);
    }

    private static ResponseEntity<ModelDeployments.Deployed> created(ModelDeployments.Deployed deployed) {
        return ResponseEntity.created(URI.create("/api/models/" + deployed.kind().name().toLowerCase(Locale.ROOT) + "/"
                + deployed.definitions().stream().findFirst().map(d -> d.substring(0, d.lastIndexOf(':'))).orElse("")
                + "/versions/" + deployed.version() + "/content")).body(deployed);
    }
}

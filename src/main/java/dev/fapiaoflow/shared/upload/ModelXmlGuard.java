package dev.fapiaoflow.shared.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * Every deployment, whatever its door (start-up files, the modeler, {@code /engine-rest/deployment/create}, Camunda
 * Modeler), is refused as a whole when one of its resources is XML with a DTD. Camunda's own parsers already refuse a
 * DOCTYPE (its {@code enableXxeProcessing} is off, set here again so no configuration can turn it on), but they answer
 * with a plain engine exception, a 500 on {@code /engine-rest}, and for DMN without saying why. This check runs
 * before them and throws a {@link ParseException}: 400 with Camunda's error format on {@code /engine-rest}, a
 * {@code PARSE} problem in the modeler's check, 422 on its deploy.
 */
@Component
class ModelXmlGuard extends AbstractProcessEnginePlugin {

    static final String MESSAGE = "模型 XML 含有文档类型声明（DTD），出于安全原因已拒绝 / the model's XML declares a DTD "
            + "(document type declaration), which may fetch external entities or expand without bound; refused";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableXxeProcessing(false);
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(ModelXmlGuard::refuseDoctypes);
        configuration.setCustomPreDeployers(preDeployers);
    }

    static void refuseDoctypes(DeploymentEntity deployment) {
        if (deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            try {
                SafeXml.refuseDoctype(resource.getName(), new ByteArrayInputStream(resource.getBytes()));
            } catch (UploadRejected e) {
                throw new ParseException(MESSAGE + ": " + resource.getName(), resource.getName(),
                        List.of(new DoctypeProblem(resource.getName())), List.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record DoctypeProblem(String resource) implements Problem {

        @Override
        public String getMessage() {
            return MESSAGE;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return null;
        }

        @Override
        public List<String> getElementIds() {
            return List.of();
        }
    }
}

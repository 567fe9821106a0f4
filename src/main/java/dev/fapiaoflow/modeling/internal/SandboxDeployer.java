package dev.fapiaoflow.modeling.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

import dev.fapiaoflow.modeling.ModelProblem;

/**
 * Runs before Camunda's own deployers, inside every deployment whatever its door (start-up files, the modeler,
 * {@code /api/models}, {@code /engine-rest/deployment/create}, Cockpit's redeploy): a model outside the sandbox fails
 * the deployment's transaction, so nothing of it is stored. Deployments the engine only re-reads into its cache (not
 * new) are left to the restricted resolver at run time.
 */
class SandboxDeployer implements Deployer {

    private final ModelSandbox sandbox;

    SandboxDeployer(ModelSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, List<ModelProblem>> refused = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            List<ModelProblem> problems = SandboxInspection.of(sandbox, resource.getName(), resource.getBytes());
            if (!problems.isEmpty()) {
                refused.put(resource.getName(), problems);
            }
        }
        if (!refused.isEmpty()) {
            throw new ModelOutsideSandbox(refused);
        }
    }
}

package dev.fapiaoflow.modeling.internal;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

import dev.fapiaoflow.modeling.ModelProblem;

/**
 * Runs before Camunda's own deployers, inside every deployment whatever its door (start-up files, the modeler,
 * {@code /api/models}, {@code /engine-rest/deployment/create}, Cockpit's redeploy): a model with any problem of the
 * {@link ModelRules} (outside the sandbox, not parsed by Camunda, referring to what does not exist) fails the
 * deployment's transaction with all of them, so nothing of it is stored. Deployments the engine only re-reads into its cache (not
 * new) are left to the restricted resolver at run time.
 */
class SandboxDeployer implements Deployer {

    private final ModelRules rules;

    SandboxDeployer(ModelRules rules) {
        this.rules = rules;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, List<ModelProblem>> refused = rules.problemsOf(deployment);
        if (!refused.isEmpty()) {
            throw new ModelNotDeployable(refused);
        }
    }
}

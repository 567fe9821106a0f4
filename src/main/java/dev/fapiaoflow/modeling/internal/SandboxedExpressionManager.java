package dev.fapiaoflow.modeling.internal;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager (BPMN expressions, and JUEL in DMN through its EL provider) with the sandbox's
 * resolvers instead of Spring's: process variables and the engine's objects, the allowed beans, then collections and the
 * members the sandbox leaves open. Unlike Camunda's Spring expression manager it exposes no other bean of the context,
 * and no test mocks.
 */
class SandboxedExpressionManager extends JuelExpressionManager {

    private final ModelSandbox sandbox;

    SandboxedExpressionManager(ModelSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new SandboxedElResolvers.AllowedBeans(sandbox));
        resolver.add(new ArrayELResolver());
        resolver.add(new ListELResolver());
        resolver.add(new MapELResolver());
        resolver.add(new SandboxedElResolvers.Members(sandbox));
        return resolver;
    }
}

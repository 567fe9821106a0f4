package dev.fapiaoflow.modeling.internal;

import java.util.ArrayList;
import java.util.List;

import javax.script.ScriptEngine;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.el.JuelElContextFactory;
import org.camunda.bpm.dmn.engine.impl.el.JuelElProvider;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.DefaultArtifactFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.scripting.engine.CamundaScriptEngineManager;
import org.camunda.bpm.engine.impl.scripting.engine.DefaultScriptEngineResolver;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptBindingsFactory;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines;
import org.camunda.bpm.engine.impl.scripting.engine.VariableScopeResolverFactory;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link ModelSandbox} into the engine before it is built: the deployer of the {@link ModelRules} ahead of Camunda's, the
 * sandboxed expression manager (BPMN, and JUEL in DMN), script engines only for the allowed formats (also DMN's), class
 * delegates only from the application's packages, and DMN on FEEL without legacy JUEL defaults or custom functions.
 * The start-up files ({@link ModelFiles}) are deployed after the engine is built, so through the sandbox too.
 */
@Component
class SandboxPlugin extends AbstractProcessEnginePlugin {

    private final ModelSandbox sandbox;
    private final ModelRules rules;

    SandboxPlugin(ModelSandbox sandbox, ModelRules rules) {
        this.sandbox = sandbox;
        this.rules = rules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Camunda's own parsers must never resolve a DTD either; the sandbox's deployer refuses one before them
        configuration.setEnableXxeProcessing(false);
        List<Deployer> preDeployers = new ArrayList<>();
        preDeployers.add(new SandboxDeployer(rules));
        if (configuration.getCustomPreDeployers() != null) {
            preDeployers.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(preDeployers);
        configuration.setExpressionManager(new SandboxedExpressionManager(sandbox));
        configuration.setScriptingEngines(new Scripts(sandbox));
        configuration.setArtifactFactory(new Classes(sandbox));
        configuration.setDmnEngineConfiguration(feelOnly());
        configuration.setDmnFeelEnableLegacyBehavior(false);
        configuration.setDmnFeelCustomFunctionProviders(new ArrayList<>());
    }

    /** decision tables: FEEL wherever a table does not name a language (the sandbox refuses tables that name another) */
    static DefaultDmnEngineConfiguration feelOnly() {
        DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.enableFeelLegacyBehavior(false);
        dmn.setDefaultInputExpressionExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        dmn.setDefaultInputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        dmn.setDefaultOutputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        dmn.setDefaultLiteralExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        dmn.setFeelCustomFunctionProviders(new ArrayList<>());
        return dmn;
    }

    /**
     * A DMN engine outside the process engine (for the modeler's decision cases) on the same policy: FEEL only, JUEL
     * (were a table to name it) through the sandbox's member rules, scripts only in the allowed formats.
     */
    static DmnEngine standaloneDecisionEngine(ModelSandbox sandbox) {
        DefaultDmnEngineConfiguration dmn = feelOnly();
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new org.camunda.bpm.dmn.engine.impl.el.VariableContextElResolver());
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new SandboxedElResolvers.Members(sandbox));
        dmn.setElProvider(new JuelElProvider(new ExpressionFactoryImpl(), new JuelElContextFactory(resolver)));
        org.camunda.bpm.dmn.engine.impl.el.DefaultScriptEngineResolver scripts = new org.camunda.bpm.dmn.engine.impl.el.DefaultScriptEngineResolver();
        dmn.setScriptEngineResolver(language -> {
            if (!sandbox.allowsScriptFormat(language)) {
                throw new ProcessEngineException("refused by the model sandbox: scripts in " + language + " are not allowed");
            }
            return scripts.getScriptEngineForLanguage(language);
        });
        return dmn.buildEngine();
    }

    /** Script engines (for BPMN scripts and DMN script expressions) only for the allowed formats. */
    static final class Scripts extends ScriptingEngines {

        private final ModelSandbox sandbox;

        Scripts(ModelSandbox sandbox) {
            super(new ScriptBindingsFactory(new ArrayList<>(List.of(new VariableScopeResolverFactory()))),
                    new DefaultScriptEngineResolver(new CamundaScriptEngineManager()));
            this.sandbox = sandbox;
        }

        @Override
        public ScriptEngine getScriptEngineForLanguage(String language) {
            if (!sandbox.allowsScriptFormat(language)) {
                throw new ProcessEngineException("refused by the model sandbox: scripts in " + language + " are not allowed");
            }
            return super.getScriptEngineForLanguage(language);
        }
    }

    /** Class delegates ({@code camunda:class}) only from the application's packages, even of a model deployed before the sandbox. */
    static final class Classes implements ArtifactFactory {

        private final ModelSandbox sandbox;
        private final ArtifactFactory instantiate = new DefaultArtifactFactory();

        Classes(ModelSandbox sandbox) {
            this.sandbox = sandbox;
        }

        @Override
        public <T> T getArtifact(Class<T> type) {
            if (!sandbox.allowsClass(type.getName())) {
                throw new ProcessEngineException("refused by the model sandbox: class " + type.getName()
                        + " is outside the application's delegate packages");
            }
            return instantiate.getArtifact(type);
        }
    }
}

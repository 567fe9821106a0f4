package dev.fapiaoflow.modeling.internal;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.delegate.DelegateCaseExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The one policy for what a model (BPMN, DMN) may reach, applied by the engine to every deployment whatever its door
 * ({@link SandboxDeployer}: start-up files, the modeler, {@code /api/models}, {@code /engine-rest}, Cockpit) and again
 * when an expression runs ({@link SandboxedExpressionManager}, {@link SandboxPlugin}).
 *
 * <ul>
 * <li>Expressions name only the engine's objects ({@code execution}, {@code task}, …), process variables and the allowed
 * beans: the application's own delegates and listeners, and the few services of {@code fapiaoflow.modeling.sandbox.beans}.</li>
 * <li>They read or call members only of plain values (text, numbers, dates, collections, decision results), of the
 * application's own objects, and of executions and tasks as far as Camunda's delegate interfaces describe them; never
 * reflection, class loading or the engine behind an execution.</li>
 * <li>{@code camunda:class} names only classes of the application's packages; scripts only allowed formats (none by
 * default); decision tables are FEEL only, without external functions.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(SandboxProperties.class)
class ModelSandbox {

    /** what an expression may never read or call, on any object: reflection, class loading, the engine, threads' monitors */
    static final Set<String> DENIED_MEMBERS = Set.of("class", "getClass", "forName", "classLoader", "getClassLoader",
            "contextClassLoader", "getContextClassLoader", "declaringClass", "getDeclaringClass", "loadClass", "newInstance",
            "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField", "getDeclaredField", "getConstructor",
            "getDeclaredConstructor", "setAccessible", "invoke", "getRuntime", "exec", "exit", "halt",
            "processEngine", "getProcessEngine", "processEngineServices", "getProcessEngineServices", "processEngineConfiguration",
            "getProcessEngineConfiguration", "bpmnModelInstance", "getBpmnModelInstance", "bpmnModelElementInstance",
            "getBpmnModelElementInstance", "cmmnModelInstance", "getCmmnModelInstance", "cmmnModelElementInstance",
            "getCmmnModelElementInstance", "applicationContext", "getApplicationContext", "getBean", "beanFactory", "getBeanFactory",
            "wait", "notify", "notifyAll");

    /** names expressions know without a bean or variable */
    static final Map<String, Class<?>> ENGINE_OBJECTS = Map.of("execution", DelegateExecution.class, "task", DelegateTask.class,
            "caseExecution", DelegateCaseExecution.class);
    static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution", "authenticatedUserId");

    /** the engine's objects: open only as far as these interfaces describe them */
    private static final List<Class<?>> ENGINE_TYPES = List.of(DelegateExecution.class, DelegateTask.class, DelegateCaseExecution.class,
            VariableScope.class);
    /** values open to expressions with all their (not denied) members */
    private static final List<Class<?>> VALUE_TYPES = List.of(String.class, Number.class, Boolean.class, Character.class,
            TemporalAccessor.class, TemporalAmount.class, Date.class, UUID.class, Collection.class, Map.class, Map.Entry.class,
            Iterator.class, Optional.class, DmnDecisionResult.class, DmnDecisionResultEntries.class, DmnDecisionTableResult.class,
            DmnDecisionRuleResult.class, TypedValue.class);
    /** the application's own classes, and Joda time (what the engine's {@code dateTime()} returns) */
    private static final List<String> VALUE_PACKAGES = List.of("dev.fapiaoflow.", "org.joda.time.");
    private static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);

    private static final ClassValue<Set<String>> ENGINE_MEMBERS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> members = new HashSet<>();
            for (Class<?> engineType : ENGINE_TYPES) {
                if (engineType.isAssignableFrom(type)) {
                    for (Method method : engineType.getMethods()) {
                        members.add(method.getName());
                        members.add(propertyName(method.getName()));
                    }
                }
            }
            members.removeAll(DENIED_MEMBERS);
            return Set.copyOf(members);
        }
    };

    private final SandboxProperties settings;
    private final ApplicationContext beans;
    private final Map<String, Boolean> allowedBeans = new ConcurrentHashMap<>();

    ModelSandbox(SandboxProperties settings, ApplicationContext beans) {
        this.settings = settings;
        this.beans = beans;
    }

    SandboxProperties settings() {
        return settings;
    }

    /** a Spring bean of that name exists (whether or not models may use it) */
    boolean isBean(String name) {
        return beans != null && beans.containsBean(name);
    }

    /** models may name the bean: one of the settings' services, or a delegate or listener of the application */
    boolean allowsBean(String name) {
        if (!isBean(name)) {
            return false;
        }
        return allowedBeans.computeIfAbsent(name, bean -> {
            if (settings.beans().contains(bean)) {
                return true;
            }
            Class<?> type = beans.getType(bean, false);
            return type != null && ownClass(type.getName()) && DELEGATE_TYPES.stream().anyMatch(d -> d.isAssignableFrom(type));
        });
    }

    Object bean(String name) {
        return beans.getBean(name);
    }

    /** camunda:class may name the class */
    boolean allowsClass(String className) {
        return className != null && ownClass(className.trim());
    }

    private boolean ownClass(String className) {
        return settings.classPackages().stream().anyMatch(className::startsWith);
    }

    boolean allowsScriptFormat(String format) {
        return format != null && settings.scriptFormats().contains(format.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** why an expression may not read or call {@code member} on {@code base}; empty when it may */
    Optional<String> memberRefusal(Object base, String member) {
        String type = base.getClass().getName();
        if (DENIED_MEMBERS.contains(member)) {
            return Optional.of(member + " (reflection, class loading or the engine's internals) is not open to models");
        }
        if (ENGINE_TYPES.stream().anyMatch(t -> t.isInstance(base))) {
            return ENGINE_MEMBERS.get(base.getClass()).contains(member) ? Optional.empty()
                    : Optional.of(member + " is not part of what models may use of an execution or task");
        }
        if (VALUE_TYPES.stream().anyMatch(t -> t.isInstance(base)) || ownOrValuePackage(base.getClass())) {
            return Optional.empty();
        }
        return Optional.of("objects of type " + type + " are not open to models");
    }

    /** members of an engine object (e.g. {@code execution}) an expression may use */
    static boolean engineMember(Class<?> engineType, String member) {
        return ENGINE_MEMBERS.get(engineType).contains(member);
    }

    private static boolean ownOrValuePackage(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (inValuePackage(c)) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (inValuePackage(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inValuePackage(Class<?> type) {
        return VALUE_PACKAGES.stream().anyMatch(type.getName()::startsWith);
    }

    private static String propertyName(String method) {
        if (method.startsWith("get") && method.length() > 3) {
            return Introspector.decapitalize(method.substring(3));
        }
        if (method.startsWith("is") && method.length() > 2) {
            return Introspector.decapitalize(method.substring(2));
        }
        return method;
    }
}

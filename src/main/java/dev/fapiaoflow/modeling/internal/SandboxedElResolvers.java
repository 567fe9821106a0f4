package dev.fapiaoflow.modeling.internal;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/** The two resolvers where the sandbox decides at run time what an expression reaches. */
final class SandboxedElResolvers {

    private SandboxedElResolvers() {
    }

    /** Java members, as JUEL's bean resolver reads and calls them, but only those {@link ModelSandbox} leaves open. */
    static final class Members extends BeanELResolver {

        private final ModelSandbox sandbox;

        Members(ModelSandbox sandbox) {
            super(true);
            this.sandbox = sandbox;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            check(base, property);
            return super.getValue(context, base, property);
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            check(base, property);
            return super.getType(context, base, property);
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            check(base, method);
            return super.invoke(context, base, method, paramTypes, params);
        }

        private void check(Object base, Object member) {
            if (base == null || member == null) {
                return;
            }
            sandbox.memberRefusal(base, member.toString()).ifPresent(reason -> {
                throw new ELException("refused by the model sandbox: " + reason);
            });
        }
    }

    /** The beans models may name (delegates, listeners and the settings' services), read-only; no other bean resolves. */
    static final class AllowedBeans extends ELResolver {

        private final ModelSandbox sandbox;

        AllowedBeans(ModelSandbox sandbox) {
            this.sandbox = sandbox;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property instanceof String name && sandbox.allowsBean(name)) {
                context.setPropertyResolved(true);
                return sandbox.bean(name);
            }
            return null;
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base == null && property instanceof String name && sandbox.allowsBean(name)) {
                throw new PropertyNotWritableException("bean " + name + " cannot be replaced by a model");
            }
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return Object.class;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return Object.class;
        }
    }
}

package dev.fapiaoflow.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * New and changed passwords in Camunda's identity store are bcrypt hashes; hashes written before (salted SHA-512)
 * still check, and {@link CamundaIdentityAuthenticationProvider} rehashes them at the next successful login.
 */
@Component
class PasswordHashingPlugin extends AbstractProcessEnginePlugin {

    private final int strength;

    PasswordHashingPlugin(@Value("${fapiaoflow.security.bcrypt-strength:10}") int strength) {
        this.strength = strength;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Camunda keeps its SHA-512 digest among the checkers of older hashes by itself
        configuration.setPasswordEncryptor(new BcryptPasswordEncryptor(strength));
    }
}

package dev.fapiaoflow.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * New and changed passwords in Camunda's identity store are bcrypt hashes; hashes written before (salted SHA-512)
 * still check, and {@link CamundaIdentityAuthenticationProvider} rehashes them at the next successful login.
 * <p>
 * Camunda's own login lockout is switched off here, in code, whatever the generic properties say: it counted failures
 * per account from anywhere and locked the account for good after {@code loginMaxAttempts} (ten paced wrong passwords
 * from a stranger locked out the administrator). {@link LoginThrottle} throttles instead, per account and address.
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

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // after the generic properties are applied: no delay (a locked-until of "now" refuses nothing) and no count
        // that ever locks; Camunda still counts failures since the last success, which the user page shows
        configuration.setLoginDelayBase(0);
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    }
}

package dev.fapiaoflow.operations;

import org.flywaydb.core.api.FlywayException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whether this node may migrate FapiaoFlow's tables ({@code fapiaoflow.schema.migrate}, default yes; the {@code prod}
 * profile says no unless {@code FAPIAOFLOW_SCHEMA_UPDATE=true}). A node that may not only validates: with migrations
 * pending it refuses to start instead of changing a schema other nodes of the older version still use.
 */
@Configuration
class SchemaUpgrades {

    @Bean
    FlywayMigrationStrategy flywayMigrationStrategy(@Value("${fapiaoflow.schema.migrate:true}") boolean migrate) {
        return flyway -> {
            if (migrate) {
                flyway.migrate();
                return;
            }
            try {
                flyway.validate();
            } catch (FlywayException e) {
                throw new IllegalStateException("The database schema is not the one this version needs, and this node "
                        + "may not change it (fapiaoflow.schema.migrate=false). Upgrade: start one node alone with "
                        + "FAPIAOFLOW_SCHEMA_UPDATE=true (docs/operations.md, Upgrades). Flyway: " + e.getMessage(), e);
            }
        };
    }
}

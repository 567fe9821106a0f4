-- Deployments made by process owners in the browser (modeling): who, why, and what kind. The models themselves live
-- in Camunda's deployment tables; a row here names the Camunda deployment it annotates.

CREATE TABLE model_deployment (
    deployment_id  VARCHAR(64)   PRIMARY KEY,
    resource_name  VARCHAR(255)  NOT NULL,
    action         VARCHAR(16)   NOT NULL,
    author         VARCHAR(64)   NOT NULL,
    comment        VARCHAR(1000) NOT NULL,
    deployed_at    TIMESTAMP(6)  NOT NULL
);
CREATE INDEX ix_model_deployment_resource ON model_deployment (resource_name, deployed_at);

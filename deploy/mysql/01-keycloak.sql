-- Keycloak's own database beside FapiaoFlow's, in the same MySQL (run once, when the data volume is new).
CREATE DATABASE IF NOT EXISTS keycloak CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
GRANT ALL PRIVILEGES ON keycloak.* TO 'fapiaoflow'@'%';

package dev.fapiaoflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FapiaoFlowApplication {

    public static void main(String[] args) {
        if (KeysCommand.handles(args)) {
            System.exit(KeysCommand.run(args));
        }
        SpringApplication.run(FapiaoFlowApplication.class, args);
    }
}

package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boot + Camunda starter + REST + webapps and nothing else: the start-up baseline of bench/startup.sh. */
@SpringBootApplication
public class BareApp {

    public static void main(String[] args) {
        SpringApplication.run(BareApp.class, args);
    }
}

package dev.fapiaoflow.shared;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Decimals leave the API as strings ("1999.00", as API.md shows), so no client parses money into a
 * binary float. Requests accept both strings and numbers.
 */
@Configuration
public class MoneyJson {

    /** Spring Boot registers every Module bean with its ObjectMapper. */
    @Bean
    SimpleModule decimalsAsStrings() {
        return new SimpleModule("decimals-as-strings").addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(value.toPlainString());
            }
        });
    }
}

# syntax=docker/dockerfile:1
# Build with the Maven wrapper, run the extracted Spring Boot layers on a JRE. Used by docker-compose.yml.

FROM eclipse-temurin:17-jdk AS build
# node and npm bundle the process owners' browser editors (frontend/) during the Maven build. tools/prerequisites (run
# by the build) would install them too, but in this layer they are cached across source changes; -DskipTests below
# tells it that no test tool (chromium, poppler) is needed. The invoice fonts' packages are copied into the jar.
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm \
    fonts-wqy-zenhei fonts-hanazono \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
# sources and the model folders (bpmn/ dmn/ forms/ when present); see .dockerignore
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
 && cp target/fapiaoflow-*.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system app && useradd --system --gid app --home-dir /app app \
 && mkdir -p /app/data && chown app:app /app/data
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER app
ENV FAPIAOFLOW_DATADIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]

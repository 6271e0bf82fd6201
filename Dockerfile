# MASH Hub: build with the Maven wrapper, run on a Temurin 17 JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src src
COPY bpmn bpmn
COPY keycloak keycloak
# Tests run in CI (./mvnw verify); the image only packages. mdep.skip: no local Keycloak needed here.
RUN ./mvnw -B -q -Dmaven.test.skip=true -Dmdep.skip=true package \
 && cp target/mash-hub-*.jar /build/mash-hub.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system mashhub && useradd --system --gid mashhub --uid 10001 --no-create-home mashhub
WORKDIR /app
COPY --from=build /build/mash-hub.jar /app/mash-hub.jar
USER 10001
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/mash-hub.jar"]

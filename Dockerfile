# Build stage: the same Maven wrapper and JDK as a developer machine.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY db db
COPY frontend frontend
COPY src src
RUN ./mvnw -B -ntp -DskipTests package && cp target/ranklab-*.jar /app.jar

# Run stage: a JRE, an unprivileged user, and a data directory for anything kept on disk.
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /var/lib/ranklab ranklab \
    && install -d -o ranklab -g ranklab -m 700 /var/lib/ranklab/data /var/lib/ranklab/secrets
USER ranklab
WORKDIR /var/lib/ranklab
COPY --from=build /app.jar /opt/ranklab/ranklab.jar
ENV RANKLAB_DATA_DIR=/var/lib/ranklab/data \
    RANKLAB_SECRETS_DIR=/var/lib/ranklab/secrets \
    DJL_OFFLINE=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/ranklab/ranklab.jar"]

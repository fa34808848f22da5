# syntax=docker/dockerfile:1
# Build: docker build -t kis-estimator .   (docker compose up builds it too)
FROM maven:3.9-eclipse-temurin-17 AS build
# The web UI is built by Maven with Node 20 and npm (src/main/webapp), which the Maven image does not have.
COPY --from=node:20-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:20-bookworm-slim /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && node --version && npm --version
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src src
# packed into the jar: the image runs the models and routes it was built with (mount /app/processes to override)
COPY processes processes
COPY camel-routes camel-routes
# Tests need PostgreSQL and Redis; they run in CI (.ci/run), not in the image build.
RUN mvn -B -q package -DskipTests && cp target/kis-estimator-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
# Tesseract with Korean and English data for the OCR module; curl for the container health check.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-kor tesseract-ocr-eng curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app kis
WORKDIR /app
COPY --from=build /src/app.jar app.jar
RUN mkdir -p /app/data && chown -R kis /app
USER kis
# One Tesseract thread per engine: OpenMP threads fight each other on small machines (5x slower measured).
# DJL never downloads: the TensorFlow natives are in the jar (unpacked to ~/.djl.ai, /app/.djl.ai, at first use).
ENV OMP_THREAD_LIMIT=1 \
    DJL_OFFLINE=true \
    TF_CPP_MIN_LOG_LEVEL=1 \
    SPRING_PROFILES_ACTIVE=prod \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s \
  CMD curl -fs http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

# syntax=docker/dockerfile:1
# Build: docker build -t interview-tutor .
# Run:   docker run -e DISCORD_TOKEN=... -v tutor-data:/data interview-tutor
# Without DISCORD_TOKEN, run it interactively for the terminal tutor: docker run -it -v tutor-data:/data interview-tutor

# ---- build stage: Maven + JDK 17 ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so source edits don't re-download the world.
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY knowledge knowledge
COPY prompts prompts
RUN mvn -B -ntp -q -DskipTests package

# ---- run stage: slim JRE on glibc >= 2.34 (the tokenizer's native library needs it; not Alpine) ----
FROM eclipse-temurin:17-jre-jammy
RUN groupadd --system tutor && useradd --system --gid tutor --home-dir /app --shell /usr/sbin/nologin tutor \
    && mkdir -p /data /app/tmp && chown tutor:tutor /data /app/tmp
WORKDIR /app
COPY --from=build /src/target/interview-tutor.jar /app/interview-tutor.jar
COPY --from=build /src/knowledge /app/knowledge
COPY --from=build /src/prompts /app/prompts

# Defaults; DISCORD_TOKEN, TUTOR_LLM_* and provider keys come from the environment at run time, never the image.
# TUTOR_HTTP_PORT turns on /health and /metrics for the HEALTHCHECK below, on the container's loopback only; to let
# Prometheus scrape it, also set TUTOR_HTTP_HOST=0.0.0.0 and publish the port (see docker-compose.yml).
ENV TUTOR_DB=/data/tutor.db \
    TUTOR_KNOWLEDGE=/app/knowledge \
    TUTOR_PROMPTS=/app/prompts \
    TUTOR_HTTP_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/app/tmp"
VOLUME ["/data"]
EXPOSE 8080
USER tutor
# Healthy = ready: the Discord gateway connected and the database answering (GET /health). The probe is a small
# class in the jar (plain JDK HttpURLConnection), so the check needs no curl or wget in the image; it starts no tutor,
# and its own small heap (-Xmx32m) overrides the MaxRAMPercentage above. Without DISCORD_TOKEN (the terminal tutor)
# or with TUTOR_HTTP_PORT emptied there is nothing to ask, and it passes. Start-up loads the banks and the embedding
# model and logs in to Discord, hence the long start period.
HEALTHCHECK --interval=30s --timeout=10s --start-period=3m --retries=3 \
    CMD ["java", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/app/interview-tutor.jar", \
         "dev.interviewtutor.ops.HealthProbe"]
# SIGTERM is handled: the bot finishes grades in flight, closes the database and exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-jar", "/app/interview-tutor.jar"]

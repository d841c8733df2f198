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
ENV TUTOR_DB=/data/tutor.db \
    TUTOR_KNOWLEDGE=/app/knowledge \
    TUTOR_PROMPTS=/app/prompts \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/app/tmp"
VOLUME ["/data"]
USER tutor
# SIGTERM is handled: the bot finishes grades in flight, closes the database and exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-jar", "/app/interview-tutor.jar"]
